/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.e2e.KubeletCluster;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.testing.ControlPlane;
import io.purplejo.dns.testing.MachineServices;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults in the middle of real runs, each in a run of its own, each run ending Succeeded with every
 * domain's outcome recorded exactly once, no duplicate rows, and counters equal to a recount.
 */
@ExtendWith(KubeletCluster.class)
class JourneyFaultsTest {
    static final int DOMAINS = 1200;
    static Journey journey;

    @BeforeAll
    static void install() throws Exception {
        Podman.requireImages("worker", "publisher", "operator");
        journey = new Journey(DOMAINS).install();
    }

    @AfterAll
    static void uninstall() {
        if (journey != null) {
            journey.close();
        }
    }

    /**
     * Starts a run, waits until it resolved some domains, injects the fault, and checks the
     * outcome.
     */
    void midRun(String name, Runnable fault) {
        journey.apply(journey.run(name, 100, 2));
        await().atMost(Duration.ofMinutes(2)).until(() -> journey.extracted(name) >= 100);
        fault.run();
        journey.awaitSucceeded(name, Duration.ofMinutes(4));
        journey.assertExactlyOnce(name);
    }

    @Test
    void aWorkerPodDeletedMidRun() {
        midRun(
                "worker-deleted",
                () ->
                        Journey.ok(
                                ControlPlane.kubectl(
                                        null,
                                        "delete",
                                        "pod",
                                        "-n",
                                        journey.runNs,
                                        "-l",
                                        "app.kubernetes.io/component=worker",
                                        "--wait=false")));
    }

    @Test
    void rabbitMqRestartedMidRun() {
        midRun(
                "mq-restarted",
                () -> {
                    MachineServices.stopRabbitMq();
                    MachineServices.startRabbitMq();
                });
    }

    @Test
    void postgresRestartedWhileResolving() {
        midRun("pg-restarted", MachineServices::restartPostgres);
    }

    @Test
    void theOperatorPodDeletedMidRun() {
        midRun(
                "operator-deleted",
                () ->
                        Journey.ok(
                                ControlPlane.kubectl(
                                        null,
                                        "delete",
                                        "pod",
                                        "-n",
                                        journey.release,
                                        "-l",
                                        "app.kubernetes.io/name=dns-extraction-operator",
                                        "--wait=false")));
    }

    @Test
    void thePublisherPodKilledMidPublish() {
        String name = "publisher-killed";
        journey.apply(journey.run(name, 100, 2));
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () ->
                                Podman.exec(
                                                        List.of(
                                                                "podman",
                                                                "ps",
                                                                "--filter",
                                                                "name=k8s_publisher_"
                                                                        + journey.runNs
                                                                        + "_",
                                                                "--format",
                                                                "{{.Names}}"),
                                                        Duration.ofSeconds(30))
                                                .output()
                                                .strip()
                                                .length()
                                        > 0);
        String container =
                Podman.exec(
                                List.of(
                                        "podman",
                                        "ps",
                                        "--filter",
                                        "name=k8s_publisher_" + journey.runNs + "_",
                                        "--format",
                                        "{{.Names}}"),
                                Duration.ofSeconds(30))
                        .output()
                        .strip()
                        .lines()
                        .findFirst()
                        .orElseThrow();
        MachineServices.run("podman", "kill", "--signal", "KILL", container);

        journey.awaitSucceeded(name, Duration.ofMinutes(4));
        journey.assertExactlyOnce(name);
        String job = journey.get(name).at("/status/publisher/job").asText();
        assertThat(
                        ControlPlane.kubectl(
                                        null,
                                        "get",
                                        "job",
                                        job,
                                        "-n",
                                        journey.runNs,
                                        "-o",
                                        "jsonpath={.status.failed}")
                                .output())
                .as("the killed pod counted as a failure; another one resumed")
                .isEqualTo("1");
    }

    @Test
    void thePublisherJobDeletedMidPublish() throws Exception {
        String name = "job-deleted";
        String waiting =
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                        + " WHERE c.relname = 'dnsx_runs' AND NOT l.granted";
        // the publisher is held where it creates its run (its INSERT waits for this lock), so that
        // the Job is deleted before it finished whatever the machine's speed; the lock is released
        // only once the deleted Job's pod is gone, so that the held publisher never goes on
        try (Connection hold = journey.db.connection()) {
            hold.setAutoCommit(false);
            try (Statement st = hold.createStatement()) {
                st.execute("LOCK TABLE dnsx_runs IN SHARE ROW EXCLUSIVE MODE");
            }
            journey.apply(journey.run(name, 100, 2));
            await().atMost(Duration.ofMinutes(2)).until(() -> journey.db.queryLong(waiting) > 0);
            String job = journey.get(name).at("/status/publisher/job").asText();
            assertThat(job).as("the held publisher's Job").isNotEmpty();
            Journey.ok(
                    ControlPlane.kubectl(
                            null, "delete", "job", job, "-n", journey.runNs, "--wait=false"));
            // the operator replaces the deleted Job; its publisher waits for the lock too, until
            // now
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> journey.get(name).at("/status/publisher/attempts").asInt() >= 2);
            hold.rollback();
        }

        journey.awaitSucceeded(name, Duration.ofMinutes(4));
        journey.assertExactlyOnce(name);
        assertThat(journey.get(name).at("/status/publisher/attempts").asInt())
                .as("a Job deleted before its publisher finished is replaced by a new attempt")
                .isGreaterThanOrEqualTo(2);
    }
}
