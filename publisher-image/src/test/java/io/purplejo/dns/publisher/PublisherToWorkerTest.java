/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestCommandLine;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.worker.service.WorkerService;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher feeding the new worker, in both message formats, through a real queue and database.
 */
class PublisherToWorkerTest {
    private TestDatabase db;
    private TestBroker broker;
    private TestDnsServer dns;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        broker = TestBroker.create();
        dns = TestDnsServer.start();
        for (int i = 1; i <= 120; i++) {
            dns.add("e" + i + ".example. 300 IN A 192.0.2." + (i % 250));
        }
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT format('e%s.example', g), now(), now()"
                        + " FROM generate_series(1, 120) g");
    }

    @AfterEach
    void tearDown() {
        dns.close();
        broker.close();
        db.close();
    }

    private int publish(String... extra) {
        List<String> args = TestCommandLine.publisher(db, broker).args(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return PublisherMain.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private long countOnly(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--postgres-dsn", db.dsnText(), "--count-only"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PublisherMain.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return Long.parseLong(out.toString(StandardCharsets.UTF_8).trim());
    }

    /** Runs a worker until the publisher's stop message ends it. */
    private void runWorkerToTheStopMessage() throws Exception {
        List<String> args =
                TestCommandLine.worker(db, broker, dns.spec())
                        .with(WorkerOptions.DNS_TIMEOUT, 0.5)
                        .with(WorkerOptions.WORKER_ID, "e2e")
                        .args();
        WorkerService worker =
                new WorkerService(
                        WorkerSettings.from(
                                WorkerSettings.declare().parse(args, Map.of()), Map.of()));
        worker.start();
        Thread main =
                new Thread(
                        () -> {
                            try {
                                worker.runUntilStopped();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        main.start();
        assertThat(worker.awaitStopped(Duration.ofSeconds(60)))
                .as("the stop message ends the worker")
                .isTrue();
    }

    @Test
    void legacyModeFeedsTheNewWorkerAndDoesNotPublishExtractedDomainsAgain() throws Exception {
        assertThat(countOnly()).isEqualTo(120);

        assertThat(publish("--worker-count", "1")).isZero();
        runWorkerToTheStopMessage();

        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(120);
        RunProgress legacy =
                new RunProgressQuery(db.database().dataSource())
                        .byName("legacy:" + broker.queue())
                        .orElseThrow();
        assertThat(legacy.count(Outcome.RESOLVED)).isEqualTo(120);
        assertThat(countOnly()).as("never-extracted: nothing left to publish").isZero();
        assertThat(broker.ready(broker.queue())).isZero();
    }

    @Test
    void aRunIsPublishedResolvedAndCountedExactly() throws Exception {
        assertThat(
                        publish(
                                "--run-name",
                                "ns/e2e",
                                "--select",
                                "all",
                                "--message-size",
                                "7",
                                "--worker-count",
                                "1"))
                .isZero();
        runWorkerToTheStopMessage();

        RunProgress p =
                new RunProgressQuery(db.database().dataSource()).byName("ns/e2e").orElseThrow();
        assertThat(p.total()).isEqualTo(120);
        assertThat(p.published()).isEqualTo(120);
        assertThat(p.count(Outcome.RESOLVED)).isEqualTo(120);
        assertThat(p.done()).isEqualTo(p.total());
        assertThat(p.state()).isEqualTo("published");
    }
}
