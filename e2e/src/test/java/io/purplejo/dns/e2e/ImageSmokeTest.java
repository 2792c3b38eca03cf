/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.io.FileInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three images, as built by images/build.sh, run as a restricted pod would run them: non-root,
 * on a read-only root filesystem with every capability dropped, against the loopback PostgreSQL,
 * RabbitMQ, a test DNS server and a Kubernetes API.
 */
@EnableKubernetesMockClient(crud = true)
class ImageSmokeTest {
    static final int DOMAINS = 25;
    KubernetesClient client;

    @ParameterizedTest
    @ValueSource(strings = {"worker", "publisher", "operator"})
    void eachImageRunsAsANumericNonRootUserAndAnswersHelp(String component) {
        Podman.requireImages(component);

        Podman.Result help =
                Podman.run(
                        component,
                        "dnsx-help-" + component + "-" + shortId(),
                        Map.of(),
                        List.of("--help"),
                        Duration.ofSeconds(60));

        assertThat(help.code()).as(help.output()).isZero();
        assertThat(help.output()).contains("usage: dns-" + component + ".jar");
        assertThat(Podman.inspect(Podman.image(component), "{{.Config.User}}"))
                .isEqualTo("65532:65532");
        assertThat(
                        Podman.inspect(
                                Podman.image(component),
                                "{{index .Config.Labels \"org.opencontainers.image.version\"}}"))
                .isEqualTo(Podman.VERSION);
    }

    /**
     * Scaling out pulls the worker image onto new nodes: each image stays small (a jlink'd runtime
     * of the modules the jars use, on a root of only the packages it needs).
     */
    @ParameterizedTest
    @ValueSource(strings = {"worker", "publisher", "operator"})
    void eachImageIsUnder150Megabytes(String component) {
        Podman.requireImages(component);

        long bytes = Long.parseLong(Podman.inspect(Podman.image(component), "{{.Size}}"));

        assertThat(bytes).as("size of %s", Podman.image(component)).isLessThan(150_000_000L);
    }

    /**
     * TLS to PostgreSQL and RabbitMQ verifies certificates by default, so the runtime's trust store
     * must be Debian's CA set (as updated by its ca-certificates package), not an empty or stale
     * one.
     */
    @Test
    void theWorkerImageTrustsDebiansCertificateAuthorities() {
        Podman.requireImages("worker");

        Podman.Result list =
                Podman.runProgram(
                        "worker",
                        "dnsx-cacerts-" + shortId(),
                        "keytool",
                        List.of("-list", "-cacerts", "-storepass", "changeit"),
                        Duration.ofSeconds(60));

        assertThat(list.code()).as(list.output()).isZero();
        assertThat(list.output())
                .contains("debian:isrg_root_x1.pem")
                .contains("debian:digicert_global_root_g2.pem");
        assertThat(list.output().lines().filter(l -> l.contains("trustedCertEntry")).count())
                .isGreaterThan(100);
    }

    @Test
    void thePublisherAndWorkerImagesExtractASmallRunIntoTheDatabase() {
        Podman.requireImages("publisher", "worker");
        try (TestDatabase db = TestDatabase.create();
                TestBroker broker = TestBroker.create();
                TestDnsServer dns = TestDnsServer.start()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) SELECT format('img%s.example', g), now(),"
                            + " now() FROM generate_series(1, "
                            + DOMAINS
                            + ") g");
            for (int i = 1; i <= DOMAINS; i++) {
                dns.add("img" + i + ".example. 300 IN A 198.51.100." + i);
                dns.add("img" + i + ".example. 300 IN MX 10 mx.img" + i + ".example.");
            }
            Map<String, String> common =
                    Map.of(
                            "POSTGRES_DSN",
                            db.dsnText(),
                            "RABBITMQ_URL",
                            TestBroker.URL,
                            "QUEUE_NAME",
                            broker.queue());

            Podman.Result publisher =
                    Podman.run(
                            "publisher",
                            "dnsx-smoke-publisher-" + shortId(),
                            with(
                                    common,
                                    "RUN_NAME",
                                    "smoke/images",
                                    "SELECTION_MODE",
                                    "all",
                                    "WORKER_COUNT",
                                    "1"),
                            List.of(),
                            Duration.ofMinutes(2));
            assertThat(publisher.code()).as(publisher.output()).isZero();

            Podman.Result worker =
                    Podman.run(
                            "worker",
                            "dnsx-smoke-worker-" + shortId(),
                            with(
                                    common,
                                    "DNS_RESOLVERS",
                                    dns.spec(),
                                    "DNS_TIMEOUT",
                                    "0.5",
                                    "METRICS_PORT",
                                    "0",
                                    "DNS_RECORD_TYPES",
                                    "A,MX"),
                            List.of(),
                            Duration.ofMinutes(3));
            assertThat(worker.code())
                    .as("the worker exits 0 at the stop message:\n" + worker.output())
                    .isZero();

            assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(DOMAINS);
            assertThat(db.queryLong("SELECT count(*) FROM mx_records")).isEqualTo(DOMAINS);
            assertThat(
                            db.queryStrings(
                                    "SELECT ip_address::text FROM a_records a JOIN domains d ON d.id = a.domain_id"
                                            + " WHERE d.name = 'img7.example'"))
                    .containsExactly("198.51.100.7");
            assertThat(
                            db.queryLong(
                                    "SELECT count(*) FROM dnsx_domain_outcomes WHERE outcome = 'resolved'"))
                    .isEqualTo(DOMAINS);
        }
    }

    @Test
    void theOperatorImageStartsAgainstAKubernetesApiAndAnswersHealthz() throws Exception {
        Podman.requireImages("operator");
        try (FileInputStream crd =
                new FileInputStream(
                        Path.of("..", "crds", "dnsextractionruns.dns.purplejo.io-v1.yml")
                                .toFile())) {
            client.apiextensions().v1().customResourceDefinitions().load(crd).create();
        }
        int port = freePort();
        String name = "dnsx-smoke-operator-" + shortId();
        Podman.start(
                "operator",
                name,
                Map.of(
                        "KUBERNETES_MASTER",
                        client.getMasterUrl().toString(),
                        "KUBERNETES_TRUST_CERTIFICATES",
                        "true",
                        "KUBERNETES_NAMESPACE",
                        "default",
                        "METRICS_PORT",
                        String.valueOf(port)),
                List.of());
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                try {
                                    return http.send(
                                                            HttpRequest.newBuilder(
                                                                            URI.create(
                                                                                    "http://127.0.0.1:"
                                                                                            + port
                                                                                            + "/healthz"))
                                                                    .timeout(Duration.ofSeconds(2))
                                                                    .build(),
                                                            HttpResponse.BodyHandlers.ofString())
                                                    .statusCode()
                                            == 200;
                                } catch (java.io.IOException e) {
                                    return false;
                                }
                            });
            String metrics =
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertThat(metrics).contains("operator_sdk");
        } finally {
            Podman.Result stopped = Podman.stop(name);
            assertThat(stopped.code()).as(stopped.output()).isZero();
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> m = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
