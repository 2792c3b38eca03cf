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
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the journey tests share: the operator installed by the chart into a release namespace of its
 * own, watching one namespace whose Secrets point at a database of the test's own and the host's
 * RabbitMQ, and a DNS server with a known answer for each domain.
 */
final class Journey implements AutoCloseable {
    static final String HOST = "10.213.0.1";
    static final ObjectMapper JSON = new ObjectMapper();

    final String id = UUID.randomUUID().toString().substring(0, 6);
    final String release = "dnsx-" + id;
    final String runNs = "extraction-" + id;
    final int domains;
    final TestDatabase db;
    final TestDnsServer dns;

    Journey(int domains) throws IOException {
        this.domains = domains;
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT format('j%s.example', g), now(), now()"
                        + " FROM generate_series(1, "
                        + domains
                        + ") g");
        dns = TestDnsServer.startOn(InetAddress.getByName(HOST));
        for (int i = 1; i <= domains; i++) {
            dns.add("j" + i + ".example. 300 IN A 198.18." + (i / 250) + "." + (i % 250));
        }
    }

    /** helm install of the chart with the local images, and the run namespace's Secrets. */
    Journey install(String... extraSets) {
        ok(ControlPlane.kubectl(null, "create", "namespace", release));
        ok(ControlPlane.kubectl(null, "create", "namespace", runNs));
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of(
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
        for (String s : extraSets) {
            args.addAll(java.util.List.of("--set", s));
        }
        ok(ControlPlane.helm(args.toArray(String[]::new)));
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
        return this;
    }

    /**
     * A run of every domain, A records only, workers limited to {@code qps} queries per second
     * each.
     */
    String run(String name, int qps, int maxWorkers) {
        return """
                apiVersion: dns.purplejo.io/v1alpha1
                kind: DnsExtractionRun
                metadata: {name: %s}
                spec:
                  selection: {mode: All}
                  recordTypes: [A]
                  resolvers: {servers: ["%s"], queriesPerSecondPerResolver: %d, timeoutSeconds: 1.0}
                  workers: {minWorkers: 1, maxWorkers: %d, messagesPerWorker: 2, prefetch: 1,
                            scaleDownStabilizationSeconds: 0}
                  postgresDsnSecret: {name: extraction-db, key: dsn}
                  rabbitmqUrlSecret: {name: extraction-mq, key: url}
                """
                .formatted(name, dns.spec(), qps, maxWorkers);
    }

    void apply(String yaml) {
        ok(ControlPlane.kubectl(yaml, "apply", "-n", runNs, "-f", "-"));
    }

    JsonNode get(String name) {
        ControlPlane.Result r =
                ControlPlane.kubectl(null, "get", "dnsrun", name, "-n", runNs, "-o", "json");
        try {
            return r.code() == 0 ? JSON.readTree(r.output()) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The run's extracted domains (under the former name while an older operator wrote it). */
    long extracted(String name) {
        JsonNode status = get(name).at("/status");
        return status.has("extracted")
                ? status.get("extracted").asLong(0)
                : status.at("/resolved").asLong(0);
    }

    void awaitSucceeded(String name, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "Succeeded".equals(get(name).at("/status/phase").asText()));
        ok(
                ControlPlane.kubectl(
                        null,
                        "wait",
                        "dnsrun/" + name,
                        "-n",
                        runNs,
                        "--for=condition=Complete",
                        "--timeout=30s"));
    }

    /**
     * Every domain has exactly one outcome in this run, one record each, equal to its known answer.
     */
    void assertExactlyOnce(String name) {
        JsonNode run = get(name);
        String uid = run.at("/metadata/uid").asText();
        assertThat(run.at("/status/published").asLong()).isEqualTo(domains);
        assertThat(run.at("/status/extracted").asLong()).isEqualTo(domains);
        assertThat(run.at("/status/resolved").asLong())
                .as("the deprecated field mirrors it for v1alpha1 readers")
                .isEqualTo(domains);
        assertThat(run.at("/status/failed").asLong()).isZero();
        String ofRun =
                " FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id WHERE r.resource_uid = '"
                        + uid
                        + "'";
        assertThat(db.queryLong("SELECT count(*)" + ofRun))
                .as("one outcome per domain")
                .isEqualTo(domains);
        assertThat(db.queryLong("SELECT count(DISTINCT o.domain_id)" + ofRun)).isEqualTo(domains);
        assertThat(
                        db.queryLong(
                                "SELECT coalesce(sum(c.domains), 0) FROM dnsx_run_counters c JOIN dnsx_runs r"
                                        + " ON r.id = c.run_id WHERE r.resource_uid = '"
                                        + uid
                                        + "'"))
                .as("the counters equal a recount")
                .isEqualTo(domains);
        assertThat(db.queryLong("SELECT count(*) FROM a_records"))
                .as("no duplicate rows")
                .isEqualTo(domains);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM a_records a JOIN domains d ON d.id = a.domain_id"
                                        + " WHERE a.ip_address::text = '198.18.' || ((substring(d.name from 2 for position('.' in d.name) - 2))::int / 250)"
                                        + " || '.' || ((substring(d.name from 2 for position('.' in d.name) - 2))::int % 250)"))
                .as("every stored record is the known answer")
                .isEqualTo(domains);
    }

    /**
     * What /metrics of the first running pod with these labels shows, read over the pod network as
     * Prometheus reads it; empty when there is no such pod or it does not answer.
     */
    static String scrape(String namespace, String labels, int port) {
        ControlPlane.Result ip =
                ControlPlane.kubectl(
                        null,
                        "get",
                        "pods",
                        "-n",
                        namespace,
                        "-l",
                        labels,
                        "--field-selector=status.phase=Running",
                        "-o",
                        "jsonpath={.items[0].status.podIP}");
        if (ip.code() != 0 || ip.output().isBlank()) {
            return "";
        }
        try {
            var http =
                    java.net.http.HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .build();
            var response =
                    http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(
                                                    "http://"
                                                            + ip.output().strip()
                                                            + ":"
                                                            + port
                                                            + "/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Logs of the pods whose file names start so (namespace_pod_). */
    static String logs(String prefix) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(KubeletCluster.runner().logs())) {
            for (Path p :
                    files.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .sorted()
                            .toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    String operatorLog() throws IOException {
        return logs(release + "_");
    }

    static void ok(ControlPlane.Result r) {
        assertThat(r.code()).as(r.output()).isZero();
    }

    @Override
    public void close() {
        ControlPlane.helm("uninstall", release, "-n", release, "--wait");
        dns.close();
        db.close();
    }
}
