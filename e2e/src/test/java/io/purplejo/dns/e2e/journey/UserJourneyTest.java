/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purplejo.dns.e2e.KubeletCluster;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.ControlPlane;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user's journey on the real control plane with the real helm and kubectl: the chart installs
 * the operator, which runs as a pod under its ServiceAccount and the chart's RBAC; Secrets made
 * with {@code kubectl create secret}; a run applied with {@code kubectl apply}, watched with {@code
 * kubectl get}, awaited with {@code kubectl wait}, and deleted with {@code kubectl delete}. The
 * publisher Job and the worker Deployment run as pods of the images, against PostgreSQL, RabbitMQ
 * and a DNS server with known answers on the host.
 */
@ExtendWith(KubeletCluster.class)
class UserJourneyTest {
    static final int DOMAINS = 1500;
    static final String HOST = "10.213.0.1";
    static final ObjectMapper JSON = new ObjectMapper();

    final String id = UUID.randomUUID().toString().substring(0, 6);
    final String release = "dnsx-" + id;
    final String runNs = "extraction-" + id;

    @Test
    void helmInstallKubectlApplyGetWaitAndDelete() throws Exception {
        Podman.requireImages("worker", "publisher", "operator");
        try (TestDatabase db = TestDatabase.create();
                TestDnsServer dns = TestDnsServer.startOn(InetAddress.getByName(HOST));
                TestBroker broker = TestBroker.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) SELECT format('j%s.example', g), now(), now()"
                            + " FROM generate_series(1, "
                            + DOMAINS
                            + ") g");
            for (int i = 1; i <= DOMAINS; i++) {
                dns.add("j" + i + ".example. 300 IN A 198.18." + (i / 250) + "." + (i % 250));
            }
            ok(ControlPlane.kubectl(null, "create", "namespace", release));
            ok(ControlPlane.kubectl(null, "create", "namespace", runNs));

            ok(
                    ControlPlane.helm(
                            "install",
                            release,
                            Path.of("..", "charts", "dns-extraction-operator")
                                    .toAbsolutePath()
                                    .toString(),
                            "-n",
                            release,
                            "--set",
                            "watchNamespaces={" + runNs + "}",
                            "--set",
                            "image.repository=localhost/dns-operator",
                            "--set",
                            "image.tag=" + Podman.VERSION,
                            "--set",
                            "runImages.worker.repository=localhost/dns-worker",
                            "--set",
                            "runImages.worker.tag=" + Podman.VERSION,
                            "--set",
                            "runImages.publisher.repository=localhost/dns-publisher",
                            "--set",
                            "runImages.publisher.tag=" + Podman.VERSION,
                            "--set",
                            "reconcileIntervalSeconds=2",
                            "--set",
                            "scaleUpPeriodSeconds=3",
                            "--wait",
                            "--timeout",
                            "3m"));

            ok(
                    ControlPlane.kubectl(
                            null,
                            "create",
                            "secret",
                            "generic",
                            "extraction-db",
                            "-n",
                            runNs,
                            "--from-literal=dsn=postgresql://postgres@"
                                    + HOST
                                    + ":5432/"
                                    + db.dsn().database()));
            ok(
                    ControlPlane.kubectl(
                            null,
                            "create",
                            "secret",
                            "generic",
                            "extraction-mq",
                            "-n",
                            runNs,
                            "--from-literal=url=amqp://dnsx-e2e:dnsx-e2e@" + HOST + ":5672/"));
            ok(
                    ControlPlane.kubectl(
                            """
                    apiVersion: dns.purplejo.io/v1alpha1
                    kind: DnsExtractionRun
                    metadata: {name: journey}
                    spec:
                      selection: {mode: All}
                      recordTypes: [A]
                      resolvers: {servers: ["%s"], queriesPerSecondPerResolver: 100, timeoutSeconds: 1.0}
                      workers: {minWorkers: 1, maxWorkers: 3, messagesPerWorker: 2, prefetch: 1, scaleDownStabilizationSeconds: 0}
                      postgresDsnSecret: {name: extraction-db, key: dsn}
                      rabbitmqUrlSecret: {name: extraction-mq, key: url}
                    """
                                    .formatted(dns.spec()),
                            "apply",
                            "-n",
                            runNs,
                            "-f",
                            "-"));

            List<String> watched = new ArrayList<>();
            Set<String> phases = new TreeSet<>();
            int[] mostWorkers = {0};
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> {
                                ControlPlane.Result get =
                                        ControlPlane.kubectl(
                                                null, "get", "dnsextractionruns", "-n", runNs);
                                watched.add(get.output());
                                JsonNode run =
                                        JSON.readTree(
                                                ControlPlane.kubectl(
                                                                null, "get", "dnsrun", "journey",
                                                                "-n", runNs, "-o", "json")
                                                        .output());
                                JsonNode status = run.path("status");
                                phases.add(status.path("phase").asText());
                                mostWorkers[0] =
                                        Math.max(
                                                mostWorkers[0],
                                                status.path("workers").path("ready").asInt());
                                return "Succeeded".equals(status.path("phase").asText());
                            });
            ControlPlane.Result waited =
                    ControlPlane.kubectl(
                            null,
                            "wait",
                            "dnsrun/journey",
                            "-n",
                            runNs,
                            "--for=condition=Complete",
                            "--timeout=60s");
            ok(waited);
            Files.writeString(
                    Path.of("target", "journey-kubectl-get.txt"), String.join("\n", watched));

            JsonNode run =
                    JSON.readTree(
                            ControlPlane.kubectl(
                                            null, "get", "dnsrun", "journey", "-n", runNs, "-o",
                                            "json")
                                    .output());
            assertThat(phases).contains("Resolving", "Succeeded");
            assertThat(String.join("\n", watched)).contains("Publishing").contains("Resolving");
            assertThat(mostWorkers[0])
                    .as("the operator scaled the workers up")
                    .isGreaterThanOrEqualTo(2);
            assertThat(run.at("/status/published").asLong()).isEqualTo(DOMAINS);
            assertThat(run.at("/status/resolved").asLong()).isEqualTo(DOMAINS);
            assertThat(run.at("/status/workers/desired").asInt())
                    .as("scaled to zero at the end")
                    .isZero();
            assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(DOMAINS);
            assertThat(
                            db.queryLong(
                                    "SELECT count(*) FROM a_records a JOIN domains d ON d.id = a.domain_id"
                                            + " WHERE a.ip_address::text = '198.18.' || ((substring(d.name from 2 for position('.' in d.name) - 2))::int / 250)"
                                            + " || '.' || ((substring(d.name from 2 for position('.' in d.name) - 2))::int % 250)"))
                    .as("every stored record is the known answer")
                    .isEqualTo(DOMAINS);
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes"))
                    .isEqualTo(DOMAINS);
            String queue = run.at("/status/queue").asText();
            assertThat(broker.ready(queue))
                    .as("the run's queue exists until the run is deleted")
                    .isZero();

            ok(
                    ControlPlane.kubectl(
                            null,
                            "delete",
                            "dnsrun",
                            "journey",
                            "-n",
                            runNs,
                            "--wait=true",
                            "--timeout=120s"));
            assertThat(broker.ready(queue)).as("the finalizer removed the queue").isEqualTo(-1);
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    ControlPlane.kubectl(
                                                    null,
                                                    "get",
                                                    "jobs,deployments,pods",
                                                    "-n",
                                                    runNs,
                                                    "-o",
                                                    "name")
                                            .output()
                                            .isBlank());

            String operatorLog = logs(release + "_");
            assertThat(operatorLog).as("the operator ran").contains("PhaseSucceeded");
            assertThat(operatorLog)
                    .as("no call the chart's RBAC refused")
                    .doesNotContain("code=403")
                    .doesNotContain("is forbidden");
            ok(ControlPlane.helm("uninstall", release, "-n", release, "--wait"));
        }
    }

    private static String logs(String prefix) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(KubeletCluster.runner().logs())) {
            for (Path p :
                    files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    private static void ok(ControlPlane.Result r) {
        assertThat(r.code()).as(r.output()).isZero();
    }
}
