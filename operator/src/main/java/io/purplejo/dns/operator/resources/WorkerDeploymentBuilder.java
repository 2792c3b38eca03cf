/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
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
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.workload.RunEnvironment;
import io.purplejo.dns.rules.workload.RunNames;
import java.util.List;
import java.util.Map;

/**
 * Builds a run's worker Deployment: owned by the run, restricted, credentials from the Secrets.
 * Every field of the spec that workers use is in the pod template, so an edit rolls the workers
 * (each drains on SIGTERM, so a rollout loses nothing).
 */
public final class WorkerDeploymentBuilder {
    /** Worker drain time (its --grace-period) plus a margin before the kubelet kills it. */
    static final long TERMINATION_GRACE_SECONDS = RunEnvironment.DRAIN_SECONDS + 10;

    /** The name of the worker's port of /metrics, /healthz and /readyz, which probes refer to. */
    static final String METRICS_PORT_NAME = "metrics";

    private WorkerDeploymentBuilder() {}

    public static Deployment build(DnsExtractionRun run, OperatorSettings settings, int replicas) {
        Map<String, String> labels = RunNames.labels(run, RunNames.WORKER);
        PodTemplateSpec template =
                new PodTemplateSpecBuilder()
                        .withNewMetadata()
                        .withLabels(labels)
                        .addToAnnotations("prometheus.io/scrape", "true")
                        .addToAnnotations(
                                "prometheus.io/port", String.valueOf(HealthServer.WORKER_PORT))
                        .endMetadata()
                        .withNewSpec()
                        .withAutomountServiceAccountToken(false)
                        .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                        .withSecurityContext(PodSecurity.pod())
                        .withContainers(container(run, settings))
                        .withVolumes(PodPlacement.volumes(run))
                        .endSpec()
                        .build();
        PodPlacement.apply(run, template);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(RunNames.workerDeployment(run))
                .withNamespace(run.getMetadata().getNamespace())
                .withLabels(labels)
                .addToAnnotations(TemplateHash.ANNOTATION, TemplateHash.of(template))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(RunNames.selector(run, RunNames.WORKER))
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
    }

    private static Container container(DnsExtractionRun run, OperatorSettings settings) {
        DnsExtractionRunSpec spec = run.getSpec();
        List<EnvVar> env = PodEnv.credentials(run);
        RunEnvironment.worker(run).forEach((name, value) -> env.add(PodEnv.plain(name, value)));
        env.addAll(PodPlacement.tlsEnv(run));
        env.add(
                new EnvVarBuilder()
                        .withName(WorkerOptions.WORKER_ID.envVar())
                        .withNewValueFrom()
                        .withNewFieldRef()
                        .withFieldPath("metadata.name")
                        .endFieldRef()
                        .endValueFrom()
                        .build());
        return new ContainerBuilder()
                .withName("worker")
                .withImage(spec.images.worker != null ? spec.images.worker : settings.workerImage())
                .withImagePullPolicy(spec.images.pullPolicy.name())
                .withEnv(env)
                .withResources(PodPlacement.resources(spec.workerResources, "500m", "512Mi", "1Gi"))
                .withSecurityContext(PodSecurity.container())
                .withVolumeMounts(PodPlacement.mounts(run))
                .addNewPort()
                .withName(METRICS_PORT_NAME)
                .withContainerPort(HealthServer.WORKER_PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/readyz")
                .withPort(new IntOrString(METRICS_PORT_NAME))
                .endHttpGet()
                .withPeriodSeconds(10)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewHttpGet()
                .withPath("/healthz")
                .withPort(new IntOrString(METRICS_PORT_NAME))
                .endHttpGet()
                .withPeriodSeconds(20)
                .withFailureThreshold(3)
                .endLivenessProbe()
                .build();
    }
}
