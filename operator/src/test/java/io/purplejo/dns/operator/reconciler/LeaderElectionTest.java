/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.operator.OperatorMain;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two operator replicas: one leads, and the other takes over when the leader stops. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
    static final String NS = "extraction";
    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void theStandbyReplicaTakesOverWhenTheLeaderStops() throws Exception {
        // JOSDK checks its lease permissions with a SelfSubjectRulesReview, which the mock server
        // does not evaluate: answer it as an API server would for the chart's lease Role
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(
                        201,
                        new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .addNewResourceRule()
                                .withApiGroups("coordination.k8s.io")
                                .withResources("leases")
                                .withVerbs("get", "create", "update")
                                .endResourceRule()
                                .withIncomplete(false)
                                .endStatus()
                                .build())
                .always();
        try (FileInputStream crd =
                new FileInputStream(
                        Path.of("..", "crds", "dnsextractionruns.dns.purplejo.io-v1.yml")
                                .toFile())) {
            client.apiextensions().v1().customResourceDefinitions().load(crd).create();
        }
        try (TestDatabase db = TestDatabase.create();
                TestBroker broker = TestBroker.create();
                RunBackends backendsA = new RunBackends();
                RunBackends backendsB = new RunBackends()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            client.secrets()
                    .inNamespace(NS)
                    .resource(
                            new SecretBuilder()
                                    .withMetadata(
                                            new ObjectMetaBuilder()
                                                    .withName("s")
                                                    .withNamespace(NS)
                                                    .build())
                                    .addToStringData("dsn", db.dsnText())
                                    .addToStringData("url", TestBroker.URL)
                                    .build())
                    .create();
            OperatorSettings settings =
                    new OperatorSettings(
                            Set.of(),
                            Duration.ofSeconds(1),
                            "w",
                            "p",
                            0,
                            true,
                            NS,
                            Duration.ofSeconds(1),
                            false);
            var lease = OperatorMain.leaderElection(settings, Duration.ofSeconds(3), false);
            Operator a =
                    OperatorMain.start(
                            client,
                            settings,
                            backendsA,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                            Clock.systemUTC(),
                            lease);
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    client.leases()
                                                    .inNamespace(NS)
                                                    .withName("dns-operator-lease")
                                                    .get()
                                            != null);
            String leader =
                    client.leases()
                            .inNamespace(NS)
                            .withName("dns-operator-lease")
                            .get()
                            .getSpec()
                            .getHolderIdentity();
            Operator b =
                    OperatorMain.start(
                            client,
                            settings,
                            backendsB,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                            Clock.systemUTC(),
                            lease);
            try {
                DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
                spec.postgresDsnSecret = new SecretKeyRef("s", "dsn");
                spec.rabbitmqUrlSecret = new SecretKeyRef("s", "url");
                spec.queueName = broker.queue();
                DnsExtractionRun run = new DnsExtractionRun();
                run.setMetadata(new ObjectMetaBuilder().withName("ha").withNamespace(NS).build());
                run.setSpec(spec);
                client.resource(run).create();
                await().atMost(Duration.ofSeconds(20)).until(() -> phase() == RunPhase.Publishing);

                a.stop();
                new ClusterPlay(client, NS).finishJob("ha-publisher-1", false);

                await().atMost(Duration.ofSeconds(30)).until(() -> phase() == RunPhase.Failed);
                assertThat(
                                client.leases()
                                        .inNamespace(NS)
                                        .withName("dns-operator-lease")
                                        .get()
                                        .getSpec()
                                        .getHolderIdentity())
                        .as("the other replica holds the lease")
                        .isNotEqualTo(leader);
            } finally {
                b.stop();
            }
        }
    }

    private RunPhase phase() {
        DnsExtractionRun r =
                client.resources(DnsExtractionRun.class).inNamespace(NS).withName("ha").get();
        return r == null || r.getStatus() == null ? null : r.getStatus().phase;
    }
}
