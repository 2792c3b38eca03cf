/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.purplejo.dns.e2e.KubeletCluster;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.testing.ControlPlane;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input, RBAC, upgrade and uninstall as a user meets them with kubectl and helm: a missing
 * Secret, an unwatched namespace, a rule taken out of the chart's RBAC, a helm upgrade during a
 * run, and the documented uninstall order.
 */
@ExtendWith(KubeletCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyOperationsTest {
    static final int DOMAINS = 600;
    static Journey journey;

    @BeforeAll
    static void install() throws Exception {
        Podman.requireImages("worker", "publisher", "operator");
        journey = new Journey(DOMAINS).install();
    }

    @AfterAll
    static void close() {
        if (journey != null) {
            journey.close();
        }
    }

    static boolean condition(JsonNode run, String type, String status, String reason) {
        for (JsonNode c : run.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())
                    && status.equals(c.path("status").asText())
                    && (reason == null || reason.equals(c.path("reason").asText()))) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(1)
    void aRunWhoseSecretIsMissingWaitsInPendingWithDegradedAndAnEventAndStartsWhenItAppears() {
        journey.apply(
                journey.run("late-secret", 300, 2).replace("name: extraction-db", "name: late-db"));

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                condition(
                                        journey.get("late-secret"),
                                        "Degraded",
                                        "True",
                                        "InvalidSpec"));
        assertThat(journey.get("late-secret").at("/status/phase").asText()).isEqualTo("Pending");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                ControlPlane.kubectl(
                                                        null,
                                                        "get",
                                                        "events",
                                                        "-n",
                                                        journey.runNs,
                                                        "--field-selector",
                                                        "involvedObject.name=late-secret,reason=InvalidSpec",
                                                        "-o",
                                                        "name")
                                                .output()
                                                .strip()
                                                .length()
                                        > 0);

        Journey.ok(
                ControlPlane.kubectl(
                        null,
                        "create",
                        "secret",
                        "generic",
                        "late-db",
                        "-n",
                        journey.runNs,
                        "--from-literal=dsn=postgresql://postgres@"
                                + Journey.HOST
                                + ":5432/"
                                + journey.db.dsn().database()));

        journey.awaitSucceeded("late-secret", Duration.ofMinutes(3));
        journey.assertExactlyOnce("late-secret");
    }

    @Test
    @Order(2)
    void aRunInANamespaceTheOperatorDoesNotWatchIsLeftAlone() {
        String other = "unwatched-" + journey.id;
        Journey.ok(ControlPlane.kubectl(null, "create", "namespace", other));
        Journey.ok(
                ControlPlane.kubectl(
                        journey.run("elsewhere", 300, 1), "apply", "-n", other, "-f", "-"));

        await().during(Duration.ofSeconds(8))
                .atMost(Duration.ofSeconds(12))
                .until(
                        () -> {
                            ControlPlane.Result r =
                                    ControlPlane.kubectl(
                                            null,
                                            "get",
                                            "dnsrun",
                                            "elsewhere",
                                            "-n",
                                            other,
                                            "-o",
                                            "jsonpath={.status}{.metadata.finalizers}");
                            return r.code() == 0 && r.output().isBlank();
                        });
        Journey.ok(
                ControlPlane.kubectl(
                        null, "delete", "namespace", other, "--wait=true", "--timeout=60s"));
    }

    @Test
    @Order(3)
    void aRuleTakenOutOfTheRbacIsReportedOnTheRunAndTheRunGoesOnOnceItIsBack() throws Exception {
        // the reconciler reads a run's Secrets first: without that rule it cannot start the run
        String role = journey.release + "-dns-extraction-operator";
        String saved =
                ControlPlane.kubectl(null, "get", "role", role, "-n", journey.runNs, "-o", "json")
                        .output();
        JsonNode json = Journey.JSON.readTree(saved);
        com.fasterxml.jackson.databind.node.ArrayNode kept = Journey.JSON.createArrayNode();
        for (JsonNode rule : json.get("rules")) {
            if (!rule.get("resources").toString().contains("\"secrets\"")) {
                kept.add(rule);
            }
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).set("rules", kept);
        Journey.ok(
                ControlPlane.kubectl(Journey.JSON.writeValueAsString(json), "replace", "-f", "-"));
        try {
            journey.apply(journey.run("no-secrets-rule", 300, 2));

            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    condition(
                                            journey.get("no-secrets-rule"),
                                            "Degraded",
                                            "True",
                                            "Forbidden"));
            JsonNode run = journey.get("no-secrets-rule");
            String message = "";
            for (JsonNode c : run.at("/status/conditions")) {
                if ("Degraded".equals(c.path("type").asText())) {
                    message = c.path("message").asText();
                }
            }
            assertThat(message).contains("may not read the run's Secrets").contains("forbidden");
            assertThat(run.at("/status/phase").asText()).isEqualTo("Pending");
            assertThat(run.at("/status/publisher").isMissingNode()).as("nothing started").isTrue();
        } finally {
            Journey.ok(ControlPlane.kubectl(null, "delete", "role", role, "-n", journey.runNs));
            Journey.ok(
                    ControlPlane.kubectl(
                            saved.replaceAll("\"resourceVersion\": \"[0-9]+\",", ""),
                            "create",
                            "-f",
                            "-"));
        }
        journey.awaitSucceeded("no-secrets-rule", Duration.ofMinutes(3));
        journey.assertExactlyOnce("no-secrets-rule");
    }

    @Test
    @Order(4)
    void helmUpgradeDuringARunNeverHasTwoOperatorsAndTheRunCompletes() {
        journey.apply(journey.run("across-upgrade", 100, 2));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> journey.extracted("across-upgrade") >= 50);
        int[] most = {0};
        Thread watcher =
                new Thread(
                        () -> {
                            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                            while (System.nanoTime() < end
                                    && !Thread.currentThread().isInterrupted()) {
                                String pods =
                                        ControlPlane.kubectl(
                                                        null,
                                                        "get",
                                                        "pods",
                                                        "-n",
                                                        journey.release,
                                                        "-l",
                                                        "app.kubernetes.io/name=dns-extraction-operator",
                                                        "-o",
                                                        "name")
                                                .output();
                                most[0] =
                                        Math.max(
                                                most[0],
                                                (int)
                                                        pods.lines()
                                                                .filter(l -> l.startsWith("pod/"))
                                                                .count());
                            }
                        });
        watcher.start();

        Journey.ok(
                ControlPlane.helm(
                        "upgrade",
                        journey.release,
                        java.nio.file.Path.of("..", "charts", "dns-extraction-operator")
                                .toAbsolutePath()
                                .toString(),
                        "-n",
                        journey.release,
                        "--reuse-values",
                        "--set",
                        "reconcileIntervalSeconds=3",
                        "--wait",
                        "--timeout",
                        "3m"));
        journey.awaitSucceeded("across-upgrade", Duration.ofMinutes(4));
        watcher.interrupt();

        assertThat(most[0]).as("operator pods at any moment of the upgrade").isEqualTo(1);
        journey.assertExactlyOnce("across-upgrade");
        String env =
                ControlPlane.kubectl(
                                null,
                                "get",
                                "deploy",
                                journey.release + "-dns-extraction-operator",
                                "-n",
                                journey.release,
                                "-o",
                                "jsonpath={.spec.template.spec.containers[0].env}")
                        .output();
        assertThat(env).contains("\"name\":\"RECONCILE_INTERVAL_SECONDS\",\"value\":\"3\"");
    }

    @Test
    @Order(5)
    void theDocumentedUninstallOrderLeavesNoStuckFinalizer() throws Exception {
        Journey.ok(
                ControlPlane.kubectl(
                        null,
                        "delete",
                        "dnsextractionruns",
                        "--all",
                        "-n",
                        journey.runNs,
                        "--wait=true",
                        "--timeout=120s"));
        Journey.ok(
                ControlPlane.helm("uninstall", journey.release, "-n", journey.release, "--wait"));

        Journey.ok(
                ControlPlane.kubectl(
                        null,
                        "delete",
                        "namespace",
                        journey.runNs,
                        "--wait=true",
                        "--timeout=90s"));
        assertThat(
                        ControlPlane.kubectl(null, "get", "dnsextractionruns", "-A", "-o", "name")
                                .output())
                .doesNotContain(journey.runNs);
    }
}
