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
import io.purplejo.dns.testing.GitOpsTools;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Flux and Argo CD make of runs that the operator, installed by the chart, takes through their
 * phases with real publisher and worker pods: kstatus (Flux's health checks) and the chart's Argo
 * CD health script under gopher-lua, each judging with its own code the object the API server
 * returns at each phase (Pending, Publishing, Resolving, Succeeded, Failed, Suspended, and held by
 * a missing Secret).
 */
@ExtendWith(KubeletCluster.class)
class JourneyGitOpsTest {
    static final int DOMAINS = 300;

    /** The run's object the first time it showed each phase, by phase. */
    private static Map<String, JsonNode> phasesOf(
            Journey journey, String name, String until, Duration atMost) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> {
                            JsonNode run = journey.get(name);
                            String phase = run.at("/status/phase").asText();
                            if (!phase.isEmpty()) {
                                seen.putIfAbsent(phase, run);
                            }
                            return until.equals(phase);
                        });
        return seen;
    }

    private static void assertVerdict(JsonNode run, String kstatus, String health) {
        GitOpsTools.Verdict v = GitOpsTools.judge(run.toString());
        String what = run.at("/metadata/name").asText() + " in " + run.at("/status/phase").asText();
        assertThat(v.kstatus()).as("kstatus of %s (%s)", what, v.message()).isEqualTo(kstatus);
        assertThat(v.health()).as("Argo CD health of %s (%s)", what, v.message()).isEqualTo(health);
    }

    private static boolean degraded(JsonNode run, String reason) {
        for (JsonNode c : run.at("/status/conditions")) {
            if ("Degraded".equals(c.path("type").asText())
                    && "True".equals(c.path("status").asText())
                    && reason.equals(c.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void eachPhaseReadsAsFluxAndArgoCdShouldShowIt() throws Exception {
        Podman.requireImages("worker", "publisher", "operator");
        Assumptions.assumeTrue(GitOpsTools.available(), "the GitOps tools cannot be built here");
        try (Journey journey = new Journey(DOMAINS).install()) {
            // suspended from the start: as a suspended Job, Current, and Suspended in Argo CD
            journey.apply(
                    journey.run("first", 60, 2) + "  queueName: gitops-shared\n  suspend: true\n");
            assertVerdict(
                    phasesOf(journey, "first", "Suspended", Duration.ofSeconds(60))
                            .get("Suspended"),
                    "Current",
                    "Suspended");

            // Pending: waits for the queue the first run holds, which time cures
            journey.apply(journey.run("second", 60, 1) + "  queueName: gitops-shared\n");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> degraded(journey.get("second"), "QueueInUse"));
            JsonNode waiting = journey.get("second");
            assertThat(waiting.at("/status/phase").asText()).isEqualTo("Pending");
            assertVerdict(waiting, "InProgress", "Progressing");

            // held by a missing Secret, which only a person can cure
            journey.apply(
                    journey.run("no-secret", 60, 1)
                            .replace("name: extraction-db", "name: not-there"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> degraded(journey.get("no-secret"), "InvalidSpec"));
            JsonNode held = journey.get("no-secret");
            assertThat(held.at("/status/phase").asText()).isEqualTo("Pending");
            assertVerdict(held, "Failed", "Degraded");

            // Failed: past its deadline, resolving at one query per second
            journey.apply(journey.run("late", 1, 1) + "  activeDeadlineSeconds: 5\n");
            Map<String, JsonNode> late = phasesOf(journey, "late", "Failed", Duration.ofMinutes(2));
            assertThat(late.get("Failed").at("/status/message").asText())
                    .contains("activeDeadlineSeconds");
            assertVerdict(late.get("Failed"), "Failed", "Degraded");

            // resumed: in flight while publishing and resolving, then Current and Healthy
            Journey.ok(
                    ControlPlane.kubectl(
                            null,
                            "patch",
                            "dnsrun",
                            "first",
                            "-n",
                            journey.runNs,
                            "--type",
                            "merge",
                            "-p",
                            "{\"spec\":{\"suspend\":false}}"));
            Map<String, JsonNode> first =
                    phasesOf(journey, "first", "Succeeded", Duration.ofMinutes(4));
            assertThat(first).containsKeys("Publishing", "Resolving", "Succeeded");
            assertVerdict(first.get("Publishing"), "InProgress", "Progressing");
            assertVerdict(first.get("Resolving"), "InProgress", "Progressing");
            assertVerdict(first.get("Succeeded"), "Current", "Healthy");
            journey.assertExactlyOnce("first");

            Journey.ok(
                    ControlPlane.kubectl(
                            null,
                            "delete",
                            "dnsrun",
                            "--all",
                            "-n",
                            journey.runNs,
                            "--wait=true",
                            "--timeout=120s"));
        }
    }
}
