package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.operator.OperatorSettings;
import java.util.List;
import java.util.stream.Collectors;

/** Builds a run's worker Deployment: owned by the run, restricted, credentials from the Secrets. */
public final class WorkerDeploymentBuilder {
    /** Worker drain time (its --grace-period) plus a margin before the kubelet kills it. */
    static final long TERMINATION_GRACE_SECONDS = 40;

    private WorkerDeploymentBuilder() {
    }

    public static Deployment build(DnsExtractionRun run, OperatorSettings settings, int replicas) {
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
        env.add(PodEnv.plain("GRACE_PERIOD", "30"));
        env.add(PodEnv.plain("METRICS_PORT", "9102"));
        if (spec.resolvers.servers != null && !spec.resolvers.servers.isEmpty()) {
            env.add(PodEnv.plain("DNS_RESOLVERS", String.join(",", spec.resolvers.servers)));
        }
        env.add(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("WORKER_ID").withNewValueFrom()
                .withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        Container c = new ContainerBuilder().withName("worker")
                .withImage(spec.images.worker != null ? spec.images.worker : settings.workerImage())
                .withImagePullPolicy(spec.images.pullPolicy.name())
                .withEnv(env)
                .withResources(spec.workerResources)
                .withSecurityContext(PodSecurity.container())
                .addNewPort().withName("metrics").withContainerPort(9102).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withPort(new IntOrString("metrics"))
                .endHttpGet().withPeriodSeconds(10).endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("metrics"))
                .endHttpGet().withPeriodSeconds(20).withFailureThreshold(3).endLivenessProbe()
                .build();
        return new DeploymentBuilder()
                .withNewMetadata().withName(RunNames.workerDeployment(run))
                .withNamespace(run.getMetadata().getNamespace()).withLabels(RunNames.labels(run, "worker")).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(RunNames.labels(run, "worker")).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(RunNames.labels(run, "worker"))
                .addToAnnotations("prometheus.io/scrape", "true").addToAnnotations("prometheus.io/port", "9102")
                .endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false)
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .withSecurityContext(PodSecurity.pod()).withContainers(c).endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
