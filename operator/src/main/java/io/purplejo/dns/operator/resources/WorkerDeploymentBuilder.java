package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.operator.OperatorSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a run's worker Deployment: owned by the run, restricted, credentials from the Secrets. Every field
 * of the spec that workers use is in the pod template, so an edit rolls the workers (each drains on SIGTERM,
 * so a rollout loses nothing).
 */
public final class WorkerDeploymentBuilder {
    /** Worker drain time (its --grace-period) plus a margin before the kubelet kills it. */
    static final long TERMINATION_GRACE_SECONDS = 40;
    static final int DRAIN_SECONDS = 30;
    /** The port of the worker's /metrics, /healthz and /readyz. */
    public static final int METRICS_PORT = 9102;

    private WorkerDeploymentBuilder() {
    }

    public static Deployment build(DnsExtractionRun run, OperatorSettings settings, int replicas) {
        Map<String, String> labels = RunNames.labels(run, RunNames.WORKER);
        PodTemplateSpec template = new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels)
                .addToAnnotations("prometheus.io/scrape", "true")
                .addToAnnotations("prometheus.io/port", String.valueOf(METRICS_PORT))
                .endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .withSecurityContext(PodSecurity.pod()).withContainers(container(run, settings))
                .withVolumes(PodPlacement.volumes(run)).endSpec()
                .build();
        PodPlacement.apply(run, template);
        return new DeploymentBuilder()
                .withNewMetadata().withName(RunNames.workerDeployment(run))
                .withNamespace(run.getMetadata().getNamespace()).withLabels(labels)
                .addToAnnotations(TemplateHash.ANNOTATION, TemplateHash.of(template)).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(RunNames.selector(run, RunNames.WORKER)).endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
    }

    private static Container container(DnsExtractionRun run, OperatorSettings settings) {
        DnsExtractionRunSpec spec = run.getSpec();
        List<EnvVar> env = PodEnv.credentials(run);
        env.add(PodEnv.plain("QUEUE_NAME", RunNames.queue(run)));
        env.add(PodEnv.plain("CONCURRENCY", String.valueOf(spec.workers.concurrency)));
        env.add(PodEnv.plain("PREFETCH", String.valueOf(spec.workers.prefetch)));
        env.add(PodEnv.plain("DNS_TIMEOUT", String.valueOf(spec.resolvers.timeoutSeconds)));
        env.add(PodEnv.plain("DNS_RETRIES", String.valueOf(spec.resolvers.retries)));
        env.add(PodEnv.plain("DNS_RESOLVER_QPS", String.valueOf(spec.resolvers.queriesPerSecondPerResolver)));
        env.add(PodEnv.plain("DNS_RECORD_TYPES", spec.recordTypes.stream().map(RecordType::name)
                .collect(Collectors.joining(","))));
        env.add(PodEnv.plain("GRACE_PERIOD", String.valueOf(DRAIN_SECONDS)));
        env.add(PodEnv.plain("METRICS_PORT", String.valueOf(METRICS_PORT)));
        if (spec.resolvers.servers != null && !spec.resolvers.servers.isEmpty()) {
            env.add(PodEnv.plain("DNS_RESOLVERS", String.join(",", spec.resolvers.servers)));
        }
        env.addAll(PodPlacement.tlsEnv(run));
        env.add(new EnvVarBuilder().withName("WORKER_ID").withNewValueFrom()
                .withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        return new ContainerBuilder().withName("worker")
                .withImage(spec.images.worker != null ? spec.images.worker : settings.workerImage())
                .withImagePullPolicy(spec.images.pullPolicy.name())
                .withEnv(env)
                .withResources(PodPlacement.resources(spec.workerResources, "500m", "512Mi", "1Gi"))
                .withSecurityContext(PodSecurity.container())
                .withVolumeMounts(PodPlacement.mounts(run))
                .addNewPort().withName("metrics").withContainerPort(METRICS_PORT).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withPort(new IntOrString("metrics"))
                .endHttpGet().withPeriodSeconds(10).endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("metrics"))
                .endHttpGet().withPeriodSeconds(20).withFailureThreshold(3).endLivenessProbe()
                .build();
    }
}
