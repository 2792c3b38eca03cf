package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.operator.OperatorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds a run's publisher Job: owned by the run, restricted, credentials from the Secrets. */
public final class PublisherJobBuilder {
    private PublisherJobBuilder() {
    }

    public static Job build(DnsExtractionRun run, OperatorSettings settings) {
        DnsExtractionRunSpec spec = run.getSpec();
        List<EnvVar> env = PodEnv.credentials(run);
        env.add(PodEnv.plain("RUN_NAME", RunNames.runKey(run)));
        env.add(PodEnv.plain("QUEUE_NAME", RunNames.queue(run)));
        env.add(PodEnv.plain("WORKER_COUNT", "0"));
        env.add(PodEnv.plain("DNS_RECORD_TYPES", spec.recordTypes.stream().map(RecordType::name)
                .collect(Collectors.joining(","))));
        DomainSelection sel = spec.selection;
        env.add(PodEnv.plain("SELECTION_MODE", switch (sel.mode) {
            case All -> "all";
            case NeverExtracted -> "never-extracted";
            case NotExtractedSince -> "not-extracted-since";
        }));
        if (sel.notExtractedSince != null) {
            env.add(PodEnv.plain("SELECTION_SINCE", sel.notExtractedSince));
        }
        if (sel.suffixes != null && !sel.suffixes.isEmpty()) {
            env.add(PodEnv.plain("SELECTION_SUFFIXES", String.join(",", sel.suffixes)));
        }
        if (sel.domains != null && !sel.domains.isEmpty()) {
            env.add(PodEnv.plain("SELECTION_DOMAINS", String.join(",", sel.domains)));
        }
        if (sel.limit != null) {
            env.add(PodEnv.plain("SELECTION_LIMIT", String.valueOf(sel.limit)));
        }
        env.add(PodEnv.plain("MAX_QUEUE_DEPTH", String.valueOf(Math.max(1000,
                (long) spec.workers.maxWorkers * spec.workers.messagesPerWorker * 2))));
        Container c = new ContainerBuilder().withName("publisher")
                .withImage(spec.images.publisher != null ? spec.images.publisher : settings.publisherImage())
                .withImagePullPolicy(spec.images.pullPolicy.name())
                .withEnv(new ArrayList<>(env))
                .withResources(spec.publisherResources)
                .withSecurityContext(PodSecurity.container())
                .build();
        return new JobBuilder()
                .withNewMetadata().withName(RunNames.publisherJob(run)).withNamespace(run.getMetadata().getNamespace())
                .withLabels(RunNames.labels(run, "publisher")).endMetadata()
                .withNewSpec()
                .withBackoffLimit(spec.publisherBackoffLimit)
                .withSuspend(Boolean.TRUE.equals(spec.suspend))
                .withNewTemplate()
                .withNewMetadata().withLabels(RunNames.labels(run, "publisher")).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false)
                .withSecurityContext(PodSecurity.pod()).withContainers(c).endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
