/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.workload.RunEnvironment;
import io.purplejo.dns.rules.workload.RunNames;
import java.util.List;
import java.util.Map;

/**
 * Builds the Job of one publisher attempt: owned by the run, restricted, credentials from the
 * Secrets, a configuration error (exit code 2) failing the Job at once, anything else retried up to
 * the backoff limit.
 */
public final class PublisherJobBuilder {
    static final String CONTAINER = "publisher";

    private PublisherJobBuilder() {}

    public static Job build(DnsExtractionRun run, OperatorSettings settings, int attempt) {
        DnsExtractionRunSpec spec = run.getSpec();
        Map<String, String> labels = RunNames.labels(run, RunNames.PUBLISHER);
        PodTemplateSpec template =
                new PodTemplateSpecBuilder()
                        .withNewMetadata()
                        .withLabels(labels)
                        .endMetadata()
                        .withNewSpec()
                        .withRestartPolicy("Never")
                        .withAutomountServiceAccountToken(false)
                        .withSecurityContext(PodSecurity.pod())
                        .withContainers(container(run, settings))
                        .withVolumes(PodPlacement.volumes(run))
                        .endSpec()
                        .build();
        PodPlacement.apply(run, template);
        Job job =
                new JobBuilder()
                        .withNewMetadata()
                        .withName(RunNames.publisherJob(run, attempt))
                        .withNamespace(run.getMetadata().getNamespace())
                        .withLabels(labels)
                        .endMetadata()
                        .withNewSpec()
                        .withBackoffLimit(spec.publisherBackoffLimit)
                        .withPodFailurePolicy(podFailurePolicy())
                        .withTemplate(template)
                        .endSpec()
                        .build();
        // the hash covers what a new attempt would change; suspend is changed in place
        job.getMetadata()
                .setAnnotations(Map.of(TemplateHash.ANNOTATION, TemplateHash.of(job.getSpec())));
        job.getSpec().setSuspend(Boolean.TRUE.equals(spec.suspend));
        return job;
    }

    /**
     * Exit code 2 is a configuration error that no retry cures; evicted pods do not count as
     * failures.
     */
    static PodFailurePolicy podFailurePolicy() {
        return new PodFailurePolicyBuilder()
                .addNewRule()
                .withAction("FailJob")
                .withNewOnExitCodes()
                .withContainerName(CONTAINER)
                .withOperator("In")
                .withValues(ExitCodes.CONFIGURATION)
                .endOnExitCodes()
                .endRule()
                .addNewRule()
                .withAction("Ignore")
                .addNewOnPodCondition()
                .withType("DisruptionTarget")
                .withStatus("True")
                .endOnPodCondition()
                .endRule()
                .build();
    }

    private static Container container(DnsExtractionRun run, OperatorSettings settings) {
        DnsExtractionRunSpec spec = run.getSpec();
        List<EnvVar> env = PodEnv.credentials(run);
        RunEnvironment.publisher(run).forEach((name, value) -> env.add(PodEnv.plain(name, value)));
        env.addAll(PodPlacement.tlsEnv(run));
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(
                        spec.images.publisher != null
                                ? spec.images.publisher
                                : settings.publisherImage())
                .withImagePullPolicy(spec.images.pullPolicy.name())
                .withEnv(env)
                .withResources(
                        PodPlacement.resources(spec.publisherResources, "100m", "256Mi", "512Mi"))
                .withSecurityContext(PodSecurity.container())
                .withVolumeMounts(PodPlacement.mounts(run))
                .build();
    }
}
