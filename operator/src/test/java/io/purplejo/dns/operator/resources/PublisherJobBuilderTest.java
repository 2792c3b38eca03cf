/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.PodOptions;
import io.purplejo.dns.api.v1alpha1.RabbitmqTlsSpec;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.workload.RunNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublisherJobBuilderTest {
    static final OperatorSettings SETTINGS =
            new OperatorSettings(
                    Set.of(),
                    Duration.ofSeconds(10),
                    "worker:1",
                    "publisher:1",
                    0,
                    false,
                    null,
                    Duration.ofSeconds(15),
                    false);

    static DnsExtractionRun run() {
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.postgresDsnSecret = new SecretKeyRef("db", "dsn");
        spec.rabbitmqUrlSecret = new SecretKeyRef("mq", "url");
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder().withName("r").withNamespace("ns").withUid("u-1").build());
        run.setSpec(spec);
        return run;
    }

    @Test
    void aConfigurationErrorFailsTheJobAtOnceAndEvictionsDoNotCount() {
        Job job = PublisherJobBuilder.build(run(), SETTINGS, 1);

        var rules = job.getSpec().getPodFailurePolicy().getRules();
        assertThat(rules.get(0).getAction()).isEqualTo("FailJob");
        assertThat(rules.get(0).getOnExitCodes().getValues())
                .containsExactly(ExitCodes.CONFIGURATION);
        assertThat(rules.get(0).getOnExitCodes().getContainerName()).isEqualTo("publisher");
        assertThat(rules.get(1).getAction()).isEqualTo("Ignore");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void thePublisherKnowsItsRunByUidAndRidesOutOutagesForTheSpecsTolerance() {
        DnsExtractionRun run = run();
        run.getSpec().outageToleranceSeconds = 120;
        Map<String, String> env = env(PublisherJobBuilder.build(run, SETTINGS, 1));

        assertThat(env)
                .containsEntry("RUN_UID", "u-1")
                .containsEntry("RUN_NAME", "ns/r")
                .containsEntry("OUTAGE_TOLERANCE_SECONDS", "120");
    }

    @Test
    void podsArePlacedAsTheSpecSaysAndAreNeverBestEffort() {
        DnsExtractionRun run = run();
        PodOptions pods = new PodOptions();
        pods.imagePullSecrets = List.of(new LocalObjectReference("regcred"));
        pods.nodeSelector = Map.of("pool", "dns");
        Toleration t = new Toleration();
        t.setKey("dedicated");
        t.setOperator("Exists");
        pods.tolerations = List.of(t);
        pods.priorityClassName = "batch-low";
        pods.labels = Map.of("team", "dns", RunNames.COMPONENT_LABEL, "mine");
        pods.annotations = Map.of("cost-center", "42");
        run.getSpec().pods = pods;

        for (var template :
                List.of(
                        PublisherJobBuilder.build(run, SETTINGS, 1).getSpec().getTemplate(),
                        WorkerDeploymentBuilder.build(run, SETTINGS, 1).getSpec().getTemplate())) {
            var spec = template.getSpec();
            assertThat(spec.getImagePullSecrets())
                    .extracting(LocalObjectReference::getName)
                    .containsExactly("regcred");
            assertThat(spec.getNodeSelector()).containsEntry("pool", "dns");
            assertThat(spec.getTolerations()).hasSize(1);
            assertThat(spec.getPriorityClassName()).isEqualTo("batch-low");
            assertThat(template.getMetadata().getLabels())
                    .containsEntry("team", "dns")
                    .as("the operator's own labels win")
                    .doesNotContainEntry(RunNames.COMPONENT_LABEL, "mine");
            assertThat(template.getMetadata().getAnnotations()).containsEntry("cost-center", "42");
            var resources = spec.getContainers().get(0).getResources();
            assertThat(resources.getRequests()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).containsKey("memory");
            assertThat(spec.getContainers().get(0).getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        }
    }

    @Test
    void aCaFromASecretIsMountedAndNamedAndTheInsecureOptOutSaysSo() {
        DnsExtractionRun run = run();
        run.getSpec().rabbitmqTls = new RabbitmqTlsSpec();
        run.getSpec().rabbitmqTls.caSecret = new SecretKeyRef("mq-ca", "ca.crt");
        Job job = PublisherJobBuilder.build(run, SETTINGS, 1);

        assertThat(env(job)).containsEntry("RABBITMQ_CA_FILE", "/etc/dnsx/rabbitmq-ca/ca.pem");
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getSecret() != null)
                .singleElement()
                .satisfies(
                        v -> {
                            assertThat(v.getSecret().getSecretName()).isEqualTo("mq-ca");
                            assertThat(v.getSecret().getItems().get(0).getKey())
                                    .isEqualTo("ca.crt");
                        });

        run.getSpec().rabbitmqTls.insecureSkipVerify = true;
        assertThat(env(PublisherJobBuilder.build(run, SETTINGS, 1)))
                .containsEntry("RABBITMQ_TLS_INSECURE", "true")
                .doesNotContainKey("RABBITMQ_CA_FILE");
    }

    @Test
    void everyWorkerFieldOfTheSpecChangesTheWorkerTemplateHashButScalingBoundsDoNot() {
        String base = hash(run());
        List<java.util.function.Consumer<DnsExtractionRunSpec>> edits =
                List.of(
                        s -> s.workers.concurrency = 7,
                        s -> s.workers.prefetch = 9,
                        s -> s.resolvers.servers = List.of("10.0.0.1"),
                        s -> s.resolvers.timeoutSeconds = 2.0,
                        s -> s.resolvers.retries = 5,
                        s -> s.resolvers.queriesPerSecondPerResolver = 100,
                        s -> s.images.worker = "other:2",
                        s ->
                                s.images.pullPolicy =
                                        io.purplejo.dns.api.v1alpha1.ImageSpec.PullPolicy.Always,
                        s ->
                                s.workerResources =
                                        new io.fabric8.kubernetes.api.model.ResourceRequirements());
        for (var edit : edits) {
            DnsExtractionRun r = run();
            edit.accept(r.getSpec());
            assertThat(hash(r)).isNotEqualTo(base);
        }
        DnsExtractionRun scaled = run();
        scaled.getSpec().workers.maxWorkers = 99;
        scaled.getSpec().workers.minWorkers = 3;
        assertThat(hash(scaled)).isEqualTo(base);
    }

    private static String hash(DnsExtractionRun run) {
        return TemplateHash.current(WorkerDeploymentBuilder.build(run, SETTINGS, 1));
    }

    private static Map<String, String> env(Job job) {
        Map<String, String> env = new java.util.HashMap<>();
        job.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
