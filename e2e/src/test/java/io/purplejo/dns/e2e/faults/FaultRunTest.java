/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.e2e.faults.FaultRun.Recount;
import io.purplejo.dns.testing.MachineServices;
import io.purplejo.dns.testing.ReliabilityReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of runs of the real publisher and two workers (separate JVMs) against this
 * machine's PostgreSQL and RabbitMQ: each run ends with every domain's honest outcome recorded
 * exactly once, no duplicate and no wrong record, the run's counters equal to a recount, and
 * nothing left in the queues. Each test adds its row to the fault table of docs/reliability.md.
 */
class FaultRunTest {
    private static final String RUN = "faults/run";
    private static final ReliabilityReport REPORT =
            new ReliabilityReport(
                    "faults",
                    "Fault",
                    "Times",
                    "Domains",
                    "What happened",
                    "Lost",
                    "Duplicate rows",
                    "Wrong records or outcomes",
                    "Counters equal a recount");

    @TempDir Path logs;
    private FaultRun run;

    @BeforeEach
    void setUp() {
        run = new FaultRun(logs);
    }

    @AfterEach
    void tearDown() {
        run.close();
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    private void startRun() {
        run.worker("worker-a");
        run.worker("worker-b");
    }

    @Test
    void workersKilledWithSigkillAtRandomPointsLoseNothing() {
        long seed = Long.getLong("dnsx.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        startRun();
        Process publisher = run.publisher("publisher");
        List<Process> workers = new ArrayList<>(List.of(run.worker("worker-c")));
        int kills = 3;
        long at = 0;
        List<Long> killedAt = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            at += 200 + random.nextInt(FaultRun.DOMAINS / (kills + 1) - 200);
            run.awaitOutcomes(at);
            killedAt.add(midRun());
            Process victim = workers.remove(random.nextInt(workers.size()));
            victim.destroyForcibly();
            await().atMost(Duration.ofSeconds(10)).until(() -> !victim.isAlive());
            workers.add(run.worker("worker-restarted-" + k));
        }
        Recount r = run.finish(RUN, publisher, FaultRun.DOMAINS);
        assertThat(r.timedOut()).as("the DNS server never failed").isEmpty();
        report(
                "A worker killed with SIGKILL at a random point (seed "
                        + seed
                        + "), a new one started",
                kills,
                r,
                "killed at "
                        + killedAt
                        + " outcomes; unacknowledged messages redelivered to the other workers and"
                        + " stored once",
                0);
    }

    @Test
    void theRabbitMqServerStoppedForThirtySecondsMidRunLosesNothing() {
        String unavailable = MachineServices.unavailableBecause();
        assumeThat(unavailable).as(String.valueOf(unavailable)).isNull();
        startRun();
        Process publisher = run.publisher("publisher");
        run.awaitOutcomes(500);
        long at = midRun();
        FaultRun.rabbitMqOutage(Duration.ofSeconds(30));
        Recount r = run.finish(RUN, publisher, FaultRun.DOMAINS);
        assertThat(r.timedOut()).isEmpty();
        assertThat(run.logs())
                .contains("RabbitMQ connection lost")
                .contains("cannot connect to RabbitMQ");
        report(
                "RabbitMQ stopped (`rabbitmqctl stop_app`) for 30 s mid-run",
                1,
                r,
                "stopped at "
                        + at
                        + " outcomes; publisher and workers reconnected; unacknowledged messages redelivered and stored once",
                0);
    }

    @Test
    void thePostgresServerRestartedMidRunLosesNothing() {
        String unavailable = MachineServices.unavailableBecause();
        assumeThat(unavailable).as(String.valueOf(unavailable)).isNull();
        startRun();
        Process publisher = run.publisher("publisher");
        run.awaitOutcomes(500);
        long at = midRun();
        MachineServices.restartPostgres();
        Recount r = run.finish(RUN, publisher, FaultRun.DOMAINS);
        assertThat(r.timedOut()).isEmpty();
        long failedWrites =
                run.logs().lines().filter(l -> l.contains("PostgreSQL write failed")).count();
        report(
                "PostgreSQL restarted (`pg_ctlcluster restart`) mid-run",
                1,
                r,
                "restarted at "
                        + at
                        + " outcomes; "
                        + failedWrites
                        + " batch writes failed and were retried; nothing acknowledged before its commit",
                0);
    }

    @Test
    void theDnsServerStoppedForTwentySecondsGivesHonestTimeoutsThatARetryRunResolves()
            throws Exception {
        startRun();
        Process publisher = run.publisher("publisher");
        run.awaitOutcomes(500);
        long at = midRun();
        run.dnsOutage(Duration.ofSeconds(20));
        Recount r = run.finish(RUN, publisher, FaultRun.DOMAINS);
        // the lookups in flight during the outage end as timeouts: honest, stored, and retried by
        // the next run
        long lost = 0;
        String retried = "no domain timed out";
        if (!r.timedOut().isEmpty()) {
            Path names = logs.resolve("timed-out.txt");
            Files.write(names, r.timedOut(), StandardCharsets.UTF_8);
            Process retry = run.publisher("publisher-retry", "faults/retry", names);
            Recount again = run.finish("faults/retry", retry, r.timedOut().size());
            assertThat(again.byOutcome()).as(run.logs()).doesNotContainKey("timeout");
            assertThat(again.wrongOutcomes()).isEmpty();
            lost = again.missing() + again.timedOut().size();
            retried =
                    "stopped at "
                            + at
                            + " outcomes; "
                            + r.timedOut().size()
                            + " lookups in flight timed out (stored as `timeout`); a run of those"
                            + " names resolved all of them";
        }
        report("The DNS server stopped (both ports closed) for 20 s mid-run", 1, r, retried, lost);
    }

    @Test
    void thePublisherKilledWithSigkillAndStartedAgainMidRunLosesNothing() throws Exception {
        startRun();
        Process first = run.publisher("publisher");
        await().atMost(Duration.ofMinutes(1)).until(() -> run.published(RUN) >= 600);
        long at = run.published(RUN);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.published(RUN))
                .as("killed before it published everything")
                .isLessThan(FaultRun.DOMAINS);
        Process second = run.publisher("publisher-again");
        Recount r = run.finish(RUN, second, FaultRun.DOMAINS);
        assertThat(second.exitValue()).as(run.logs()).isZero();
        assertThat(r.timedOut()).isEmpty();
        assertThat(run.logs()).contains("published before, resuming after domain id");
        report(
                "The publisher killed with SIGKILL mid-publish and started again",
                1,
                r,
                "killed at "
                        + at
                        + " domains published; the new publisher resumed from the run's checkpoint; domains published twice"
                        + " stored once",
                0);
    }

    /** The outcomes stored when a fault is injected, which must be fewer than the run's domains. */
    private long midRun() {
        long stored = run.outcomes();
        assertThat(stored)
                .as("the fault lands in the middle of the run")
                .isBetween(1L, FaultRun.DOMAINS - 1L);
        return stored;
    }

    /**
     * Adds the run's row to the report, then asserts what the row says, so that a failure is
     * reported as it is.
     */
    private void report(
            String fault, int times, Recount r, String happened, long lostAfterRetries) {
        run.stopWorkers();
        long queued = run.queued(run.broker.queue());
        long dead = run.deadLettered();
        long wrong =
                r.wrongRecords()
                        + r.wrongOutcomes().values().stream().mapToLong(Long::longValue).sum();
        REPORT.row(
                fault,
                String.valueOf(times),
                String.valueOf(r.selected()),
                happened + "; outcomes " + r.byOutcome(),
                ReliabilityReport.loss(r.missing() + lostAfterRetries + queued + dead),
                ReliabilityReport.loss(r.duplicateRows()),
                ReliabilityReport.loss(wrong),
                r.countersEqualRecount()
                        ? "yes"
                        : "**no**: " + r.counters() + " vs " + r.byOutcome());
        String logs = run.logs();
        assertThat(r.selected()).as("the run selected every domain").isEqualTo(FaultRun.DOMAINS);
        assertThat(r.outcomeRows()).as("one outcome per domain").isEqualTo(FaultRun.DOMAINS);
        assertThat(r.missing()).as("no domain without an outcome").isZero();
        assertThat(r.duplicateRows()).as("no duplicate record rows").isZero();
        assertThat(r.wrongRecords()).as("every stored record is the true answer").isZero();
        assertThat(r.wrongOutcomes())
                .as("every outcome is the truth or an honest timeout")
                .isEmpty();
        assertThat(r.counters()).as("the counters equal a recount").isEqualTo(r.byOutcome());
        assertThat(queued).as("nothing left in the queue").isZero();
        assertThat(dead).as(logs).as("nothing dead-lettered").isZero();
        assertThat(lostAfterRetries).isZero();
    }
}
