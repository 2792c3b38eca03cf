/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.e2e.faults.FaultRun.Recount;
import io.purplejo.dns.testing.MachineServices;
import io.purplejo.dns.testing.ReliabilityReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak, on demand (bench/soak.sh; its name keeps it out of the default suite): one run of
 * {@code dnsx.soak.domains} domains (1,000,000 by default) with a fault every {@code
 * dnsx.soak.interval} seconds (60), in turn a worker killed, RabbitMQ stopped 30 s, PostgreSQL
 * restarted, the DNS server stopped 20 s and the publisher killed, then the recount of the fault
 * tests and a retry run of whatever timed out. Writes the soak row of docs/reliability.md.
 */
class SoakRun {
    private static final int DOMAINS = Integer.getInteger("dnsx.soak.domains", 1_000_000);
    private static final Duration INTERVAL =
            Duration.ofSeconds(Long.getLong("dnsx.soak.interval", 60));
    private static final String RUN = "soak/run";

    @TempDir Path logs;

    @Test
    void aLongRunWithAFaultEveryIntervalLosesNothing() throws Exception {
        String unavailable = MachineServices.unavailableBecause();
        assertThat(unavailable).as("the soak injects real outages").isNull();
        Map<String, Integer> injected = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (FaultRun run = new FaultRun(logs, DOMAINS, 5, 300, 50)) {
            List<Process> workers =
                    new ArrayList<>(List.of(run.worker("worker-a"), run.worker("worker-b")));
            Process[] publisher = {run.publisher("publisher", RUN, null)};
            int turn = 0;
            while (true) {
                // the next fault comes after the interval, unless the run ends first
                long intervalEnds = System.nanoTime() + INTERVAL.toNanos();
                await().atMost(INTERVAL.plusSeconds(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(
                                () ->
                                        run.outcomes() >= DOMAINS
                                                || System.nanoTime() - intervalEnds >= 0);
                long before = run.outcomes();
                if (before >= DOMAINS) {
                    break;
                }
                String fault =
                        switch (turn++ % 5) {
                            case 0 -> {
                                Process victim = workers.remove(0);
                                victim.destroyForcibly();
                                workers.add(run.worker("worker-" + turn));
                                yield "a worker killed (SIGKILL)";
                            }
                            case 1 -> {
                                FaultRun.rabbitMqOutage(Duration.ofSeconds(30));
                                yield "RabbitMQ stopped 30 s";
                            }
                            case 2 -> {
                                MachineServices.restartPostgres();
                                yield "PostgreSQL restarted";
                            }
                            case 3 -> {
                                run.dnsOutage(Duration.ofSeconds(20));
                                yield "the DNS server stopped 20 s";
                            }
                            default -> {
                                if (!publisher[0].isAlive()) {
                                    yield "the publisher killed (skipped: it had finished)";
                                }
                                publisher[0].destroyForcibly();
                                publisher[0].waitFor();
                                publisher[0] = run.publisher("publisher-" + turn, RUN, null);
                                yield "the publisher killed (SIGKILL) and started again";
                            }
                        };
                injected.merge(fault, 1, Integer::sum);
                System.out.printf("%s at %d outcomes%n", fault, before);
            }
            Recount r = run.finish(RUN, publisher[0], DOMAINS, Duration.ofHours(3));
            long lost = 0;
            if (!r.timedOut().isEmpty()) {
                Path names = logs.resolve("timed-out.txt");
                Files.write(names, r.timedOut(), StandardCharsets.UTF_8);
                Recount again =
                        run.finish(
                                "soak/retry",
                                run.publisher("publisher-retry", "soak/retry", names),
                                r.timedOut().size(),
                                Duration.ofMinutes(30));
                lost = again.missing() + again.timedOut().size();
            }
            run.stopWorkers();
            long queued = run.queued(run.broker.queue()) + run.deadLettered();
            long wrong =
                    r.wrongRecords()
                            + r.wrongOutcomes().values().stream().mapToLong(Long::longValue).sum();
            ReliabilityReport report =
                    new ReliabilityReport(
                            "soak",
                            "Domains",
                            "Minutes",
                            "Faults injected",
                            "Outcomes",
                            "Lost",
                            "Duplicate rows",
                            "Wrong records or outcomes",
                            "Counters equal a recount");
            report.row(
                    String.valueOf(DOMAINS),
                    String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMinutes()),
                    injected.toString(),
                    r.byOutcome()
                            + (r.timedOut().isEmpty()
                                    ? ""
                                    : "; the timeouts resolved by a" + " retry run"),
                    ReliabilityReport.loss(r.missing() + lost + queued),
                    ReliabilityReport.loss(r.duplicateRows()),
                    ReliabilityReport.loss(wrong),
                    r.countersEqualRecount() ? "yes" : "**no**");
            report.write();
            assertThat(r.missing() + lost + queued).isZero();
            assertThat(r.duplicateRows()).isZero();
            assertThat(wrong).isZero();
            assertThat(r.countersEqualRecount()).isTrue();
        }
    }
}
