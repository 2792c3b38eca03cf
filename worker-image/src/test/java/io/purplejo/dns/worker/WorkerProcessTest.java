/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.JavaProcess;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestCommandLine;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.testing.TestDnsServer.Behavior;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker as a real process: what SIGTERM and SIGKILL do to the messages it holds. */
class WorkerProcessTest {
    private static final int DOMAINS = 300;
    private TestDatabase db;
    private TestBroker broker;
    private TestDnsServer dns;
    private final List<String> names = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @TempDir Path logs;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        broker = TestBroker.create();
        // every answer takes 150 ms, so that many domains are in flight when the signal comes
        dns = TestDnsServer.start().delay(150);
        for (int i = 0; i < DOMAINS; i++) {
            String n = "w" + i + ".test";
            dns.add(n + ". 300 IN A 192.0.2." + (i % 250)).behave(n, Behavior.DELAY);
            names.add(n);
        }
        broker.publishLegacy(names.toArray(String[]::new));
    }

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
        dns.close();
        broker.close();
        db.close();
    }

    private Process startWorker(String id) throws Exception {
        List<String> args =
                new ArrayList<>(
                        TestCommandLine.worker(db, broker, dns.spec())
                                .with(WorkerOptions.DNS_TIMEOUT, 1.0)
                                .with(WorkerOptions.CONCURRENCY, 40)
                                .with(WorkerOptions.PREFETCH, 100)
                                .with(WorkerOptions.GRACE_PERIOD, 20)
                                .with(WorkerOptions.WORKER_ID, id)
                                .args());
        Process p =
                JavaProcess.start(
                        WorkerMain.class.getName(),
                        args,
                        ProcessBuilder.Redirect.to(logs.resolve(id + ".log").toFile()));
        processes.add(p);
        return p;
    }

    private String log(String id) throws Exception {
        return Files.readString(logs.resolve(id + ".log"), StandardCharsets.UTF_8);
    }

    private long stored() {
        return db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes");
    }

    @Test
    void sigtermDrainsCommitsAcknowledgesAndExitsZeroLosingNothing() throws Exception {
        Process worker = startWorker("w-term");
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() >= 40);

        worker.destroy(); // SIGTERM

        assertThat(worker.waitFor(25, TimeUnit.SECONDS))
                .as("exits within the grace period")
                .isTrue();
        assertThat(worker.exitValue()).as(log("w-term")).isZero();
        assertThat(log("w-term"))
                .contains("stop requested (SIGTERM)")
                .contains("stopped (SIGTERM)");
        Set<String> done =
                new HashSet<>(
                        db.queryStrings(
                                "SELECT d.name FROM dnsx_domain_outcomes o JOIN domains d ON d.id = o.domain_id"));
        Set<String> queued = new HashSet<>();
        broker.drain(broker.queue())
                .forEach(r -> queued.add(new String(r.getBody(), StandardCharsets.UTF_8)));
        assertThat(done.size()).isLessThan(DOMAINS);
        Set<String> accounted = new HashSet<>(done);
        accounted.addAll(queued);
        assertThat(accounted)
                .as("every domain is stored or back in the queue")
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(broker.ready(broker.deadLetterQueue())).isZero();
    }

    @Test
    void aWorkerKilledBeforeAcknowledgingLeavesItsMessagesToTheNextWithExactCounters()
            throws Exception {
        Process first = startWorker("w-killed");
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() >= 60);

        first.destroyForcibly(); // SIGKILL: no drain, unacknowledged messages are redelivered
        first.waitFor(10, TimeUnit.SECONDS);
        Process second = startWorker("w-second");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> stored() == DOMAINS && broker.ready(broker.queue()) == 0);
        second.destroy();
        assertThat(second.waitFor(25, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        assertThat(db.queryLong("SELECT sum(domains) FROM dnsx_run_counters"))
                .as("counters count each domain once")
                .isEqualTo(DOMAINS);
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(DOMAINS);
        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(DOMAINS);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_domain_outcomes WHERE outcome <> 'resolved'"))
                .isZero();
    }
}
