/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.operator.resources.PublisherJobBuilder;
import io.purplejo.dns.operator.resources.WorkerDeploymentBuilder;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.testing.ControlPlane;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only a real API server shows: the schema and its CEL rules at work, and garbage collection.
 */
@ExtendWith(ControlPlane.class)
class ApiServerBehaviourTest {
    static final String VALID =
            """
            apiVersion: dns.purplejo.io/v1alpha1
            kind: DnsExtractionRun
            metadata: {name: %s}
            spec:
              postgresDsnSecret: {name: db, key: dsn}
              rabbitmqUrlSecret: {name: mq, key: url}
            %s
            """;

    final String ns = "api-" + UUID.randomUUID().toString().substring(0, 8);
    KubernetesClient client;

    @BeforeEach
    void setUp() {
        client = ControlPlane.client();
        client.namespaces()
                .resource(
                        new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String run(String name, String specExtra) {
        return VALID.formatted(name, specExtra.isEmpty() ? "" : specExtra.indent(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            workers bounds      | workers: {minWorkers: 5, maxWorkers: 2}                        | minWorkers must not exceed maxWorkers
            since without mode  | 'selection: {mode: All, notExtractedSince: "2026-01-01T00:00:00Z"}' | notExtractedSince only goes with mode NotExtractedSince
            mode without since  | 'selection: {mode: NotExtractedSince}'                          | notExtractedSince is required with mode NotExtractedSince
            unknown record type | 'recordTypes: [A, PTR]'                                          | Unsupported value: "PTR"
            bad queue name      | 'queueName: "has spaces"'                                       | spec.queueName
            bad resolver        | 'resolvers: {servers: ["not-an-ip"]}'                          | spec.resolvers.servers[0]
            """)
    void kubectlApplyOfAnInvalidRunPrintsTheSchemasMessage(
            String what, String spec, String message) {
        ControlPlane.Result r =
                ControlPlane.kubectl(run("bad", spec), "apply", "-n", ns, "-f", "-");

        assertThat(r.code()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("is invalid").contains(message);
    }

    static java.util.stream.Stream<String> examples() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "examples"))) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("examples")
    void everyExampleIsAcceptedByTheApiServerWithItsCelRules(String file) {
        ControlPlane.Result r =
                ControlPlane.kubectl(
                        null,
                        "apply",
                        "--dry-run=server",
                        "-n",
                        ns,
                        "-f",
                        java.nio.file.Path.of("..", "examples", file).toAbsolutePath().toString());

        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output())
                .containsAnyOf(
                        "dnsextractionrun.dns.purplejo.io/",
                        "dnsextractionschedule.dns.purplejo.io/")
                .contains("(server dry run)");
    }

    @ParameterizedTest(name = "{0} characters: accepted {1}")
    @CsvSource({"52, true", "53, false"})
    void aScheduleNameLeavesRoomForItsRunsNamesAndLabels(int length, boolean accepted) {
        String name = "s" + "x".repeat(length - 1);
        ControlPlane.Result r =
                ControlPlane.kubectl(
                        """
                        apiVersion: dns.purplejo.io/v1alpha1
                        kind: DnsExtractionSchedule
                        metadata: {name: %s}
                        spec:
                          schedule: "0 2 * * *"
                          runTemplate:
                            spec:
                              postgresDsnSecret: {name: db, key: dsn}
                              rabbitmqUrlSecret: {name: mq, key: url}
                        """
                                .formatted(name),
                        "apply",
                        "--dry-run=server",
                        "-n",
                        ns,
                        "-f",
                        "-");

        if (accepted) {
            assertThat(r.code()).as(r.output()).isZero();
        } else {
            assertThat(r.code()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("a schedule's name has at most 52 characters");
        }
    }

    @Test
    void theApiServerFillsTheDefaultsAndKeepsTheSelectionRecordTypesAndQueueFixed() {
        ControlPlane.Result created =
                ControlPlane.kubectl(
                        run(
                                "fixed",
                                """
                selection: {mode: All}
                queueName: fixed-q
                """),
                        "apply",
                        "-n",
                        ns,
                        "-f",
                        "-");
        assertThat(created.code()).as(created.output()).isZero();
        DnsExtractionRun stored =
                client.resources(DnsExtractionRun.class).inNamespace(ns).withName("fixed").get();
        assertThat(stored.getSpec().recordTypes).hasSize(7);
        assertThat(stored.getSpec().publisherBackoffLimit).isEqualTo(3);
        assertThat(stored.getSpec().outageToleranceSeconds).isEqualTo(300);

        for (String[] edit :
                new String[][] {
                    {
                        "{\"spec\":{\"selection\":{\"mode\":\"NeverExtracted\"}}}",
                        "selection cannot change after the run starts"
                    },
                    {
                        "{\"spec\":{\"recordTypes\":[\"A\"]}}",
                        "recordTypes cannot change after the run starts"
                    },
                    {
                        "{\"spec\":{\"queueName\":\"other-q\"}}",
                        "queueName cannot change after the run is created"
                    },
                    {"{\"spec\":{\"queueName\":null}}", "queueName cannot be added or removed"},
                    {"{\"spec\":{\"selection\":null}}", "selection cannot be added or removed"}
                }) {
            ControlPlane.Result r =
                    ControlPlane.kubectl(
                            null, "patch", "-n", ns, "dnsrun", "fixed", "--type", "merge", "-p",
                            edit[0]);
            assertThat(r.code()).as(r.output()).isNotZero();
            assertThat(r.output()).contains(edit[1]);
        }
        ControlPlane.Result allowed =
                ControlPlane.kubectl(
                        null,
                        "patch",
                        "-n",
                        ns,
                        "dnsrun",
                        "fixed",
                        "--type",
                        "merge",
                        "-p",
                        "{\"spec\":{\"workers\":{\"maxWorkers\":20},\"retry\":\"1\"}}");
        assertThat(allowed.code()).as(allowed.output()).isZero();
    }

    @Test
    void deletingARunGarbageCollectsTheJobAndDeploymentItOwns() {
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.postgresDsnSecret = new SecretKeyRef("db", "dsn");
        spec.rabbitmqUrlSecret = new SecretKeyRef("mq", "url");
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(new ObjectMetaBuilder().withName("owned").withNamespace(ns).build());
        run.setSpec(spec);
        DnsExtractionRun created = client.resource(run).create();
        OperatorSettings settings =
                new OperatorSettings(
                        Set.of(),
                        Duration.ofSeconds(10),
                        "w:1",
                        "p:1",
                        0,
                        false,
                        null,
                        Duration.ofSeconds(15),
                        false);
        Job job = PublisherJobBuilder.build(created, settings, 1);
        job.addOwnerReference(created);
        client.resource(job).create();
        Deployment workers = WorkerDeploymentBuilder.build(created, settings, 0);
        workers.addOwnerReference(created);
        client.resource(workers).create();

        client.resource(created).delete();

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                client.batch()
                                                        .v1()
                                                        .jobs()
                                                        .inNamespace(ns)
                                                        .withName(job.getMetadata().getName())
                                                        .get()
                                                == null
                                        && client.apps()
                                                        .deployments()
                                                        .inNamespace(ns)
                                                        .withName(workers.getMetadata().getName())
                                                        .get()
                                                == null);
    }
}
