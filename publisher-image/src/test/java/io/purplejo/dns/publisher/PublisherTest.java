/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.purplejo.dns.config.PublisherOptions;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestCommandLine;
import io.purplejo.dns.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublisherTest {
    TestDatabase db;
    TestBroker broker;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        broker = TestBroker.create();
    }

    @AfterEach
    void tearDown() {
        broker.close();
        db.close();
    }

    void domains(String pattern, int n) {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT format('"
                        + pattern
                        + "', g),"
                        + " now() - interval '30 days', now() - interval '30 days' FROM generate_series(1, "
                        + n
                        + ") g");
    }

    int publish(String... extra) {
        List<String> args =
                TestCommandLine.publisher(db, broker)
                        .with(PublisherOptions.WORKER_COUNT, 0)
                        .args(extra);
        out.reset();
        err.reset();
        return PublisherMain.run(
                args,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    long countOnly(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.add("--count-only");
        assertThat(publish(args.toArray(String[]::new)))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        return Long.parseLong(out.toString(StandardCharsets.UTF_8).trim());
    }

    /** Every domain id in the queue's batch messages, with how often it was published. */
    Map<Long, Integer> drainBatches() {
        Map<Long, Integer> seen = new HashMap<>();
        for (GetResponse r : broker.drain(broker.queue())) {
            WorkMessage m = MessageCodec.decode(r.getBody(), r.getProps().getContentType());
            if (m instanceof WorkMessage.DomainBatch b) {
                b.domains().forEach(d -> seen.merge(d.id(), 1, Integer::sum));
            }
        }
        return seen;
    }

    Set<Long> ids(String where) {
        Set<Long> s = new TreeSet<>();
        db.queryStrings("SELECT id FROM domains " + where).forEach(x -> s.add(Long.parseLong(x)));
        return s;
    }

    @Test
    void aRunPublishesExactlyItsSelectedSetInBatchMessagesAndRecordsItsProgress() {
        domains("d%s.example.com", 1000);

        assertThat(publish("--select", "all", "--run-name", "ns/r1", "--message-size", "100"))
                .isZero();

        assertThat(broker.ready(broker.queue())).isEqualTo(10);
        Map<Long, Integer> seen = drainBatches();
        assertThat(seen.keySet()).isEqualTo(ids(""));
        assertThat(seen.values()).containsOnly(1);
        assertThat(
                        db.queryStrings(
                                "SELECT state || ' ' || total || ' ' || published || ' ' || publish_checkpoint"
                                        + " FROM dnsx_runs WHERE name = 'ns/r1'"))
                .containsExactly(
                        "published 1000 1000 " + db.queryLong("SELECT max(id) FROM domains"));
    }

    @Test
    void pagesReadWindowByWindowSkipLongExtractedStretchesAndIdGapsAndLoseNothing() {
        domains("w%s.example.com", 3000);
        // ids 1-1200 extracted (records), a gap of deleted rows, then every third one extracted:
        // with 25-domain pages a window holds 100 rows, so most of the first windows select nothing
        db.execute(
                "INSERT INTO a_records (domain_id, ip_address, created_at, updated_at)"
                        + " SELECT id, '192.0.2.1', now(), now() FROM domains WHERE id <= 1200"
                        + " OR (id > 2000 AND id % 3 = 0)");
        db.execute("DELETE FROM domains WHERE id > 1500 AND id <= 1800");
        Set<Long> expected = ids("WHERE id > 1200 AND NOT (id > 2000 AND id % 3 = 0)");

        assertThat(
                        publish(
                                "--select",
                                "never-extracted",
                                "--run-name",
                                "ns/windows",
                                "--page-size",
                                "25",
                                "--message-size",
                                "10"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        Map<Long, Integer> seen = drainBatches();
        assertThat(seen.keySet()).isEqualTo(expected);
        assertThat(seen.values()).containsOnly(1);
        assertThat(
                        db.queryStrings(
                                "SELECT total || ' ' || published FROM dnsx_runs WHERE name = 'ns/windows'"))
                .containsExactly(expected.size() + " " + expected.size());
    }

    @Test
    void eachSelectionCountsWhatItShould() {
        domains("a%s.example.com", 100);
        domains("b%s.example.org", 50);
        domains("c%s.test", 30);
        // extracted before: by a legacy worker (records), or by this system (an outcome)
        db.execute(
                "INSERT INTO a_records (domain_id, ip_address, created_at, updated_at)"
                        + " SELECT id, '192.0.2.1', now(), now() FROM domains WHERE name LIKE 'a1%'");
        db.execute("INSERT INTO dnsx_runs (name, record_types) VALUES ('old', '{A}')");
        db.execute(
                "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at)"
                        + " SELECT (SELECT id FROM dnsx_runs WHERE name = 'old'), id, 'nxdomain', now() FROM domains"
                        + " WHERE name LIKE 'b1%'");
        // tried before and failed (a resolver outage): not an extraction
        db.execute(
                "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at)"
                        + " SELECT (SELECT id FROM dnsx_runs WHERE name = 'old'), id,"
                        + " (ARRAY['timeout', 'servfail', 'refused', 'malformed'])[1 + id % 4], now() FROM domains"
                        + " WHERE name LIKE 'b2%'");
        db.execute("UPDATE domains SET updated_at = '2026-06-01T00:00:00Z' WHERE name LIKE 'c%'");
        long extractedA = db.queryLong("SELECT count(*) FROM domains WHERE name LIKE 'a1%'");
        long extractedB = db.queryLong("SELECT count(*) FROM domains WHERE name LIKE 'b1%'");
        assertThat(db.queryLong("SELECT count(*) FROM domains WHERE name LIKE 'b2%'")).isPositive();

        assertThat(countOnly("--select", "all")).isEqualTo(180);
        assertThat(countOnly("--select", "never-extracted"))
                .isEqualTo(180 - extractedA - extractedB);
        assertThat(countOnly("--select", "not-extracted-since", "--since", "2026-07-01T00:00:00Z"))
                .isEqualTo(30);
        assertThat(countOnly("--select", "all", "--suffixes", ".org,test")).isEqualTo(80);
        assertThat(countOnly("--select", "all", "--suffixes", "example.com")).isEqualTo(100);
        assertThat(countOnly("--select", "all", "--limit", "42")).isEqualTo(42);
        assertThat(countOnly("--domains", "a1.example.com,c2.test")).isEqualTo(2);
    }

    @Test
    void failuresOfARunSelectsExactlyTheDomainsThatFailedInItsLatestRunOfThatName() {
        domains("f%s.example.com", 40);
        db.execute("INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/nightly', '{A}')");
        // f1-f10 timed out, f11-f15 SERVFAIL, f16-f40 resolved or NXDOMAIN
        db.execute(
                "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at)"
                        + " SELECT (SELECT max(id) FROM dnsx_runs WHERE name = 'ns/nightly'), id,"
                        + " CASE WHEN id <= 10 THEN 'timeout' WHEN id <= 15 THEN 'servfail'"
                        + " WHEN id <= 30 THEN 'resolved' ELSE 'nxdomain' END, now() FROM domains");
        Set<Long> failed = ids("WHERE id <= 15");

        assertThat(countOnly("--select", "failures-of", "--failures-of", "ns/nightly"))
                .isEqualTo(15);
        assertThat(
                        publish(
                                "--run-name",
                                "ns/retry",
                                "--select",
                                "failures-of",
                                "--failures-of",
                                "ns/nightly"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(drainBatches().keySet()).isEqualTo(failed);

        assertThat(publish("--select", "failures-of", "--failures-of", "ns/nigthly")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no run named 'ns/nigthly'");
        assertThat(publish("--select", "failures-of")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --failures-of");
    }

    @Test
    void bothSpellingsOfAListedOrSuffixNameSelectTheRowALegacySystemStored() {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES"
                        + " ('xn--bcher-kva.example', now(), now()), ('shop.xn--p1ai', now(), now()),"
                        + " ('other.example', now(), now())");

        assertThat(countOnly("--domains", "bücher.example")).isEqualTo(1);
        assertThat(countOnly("--select", "all", "--suffixes", "рф")).isEqualTo(1);
        assertThat(publish("--run-name", "ns/idn", "--domains", "BÜCHER.example.")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM domains"))
                .as("the listed name is the punycode row: no second row")
                .isEqualTo(3);
    }

    @Test
    void aRunKeepsItsRetentionAndTheNextPublisherDropsTheOutcomesOfRunsPastTheirs() {
        domains("k%s.example.com", 20);
        db.execute(
                "INSERT INTO dnsx_runs (name, record_types, state, outcome_retention_days, publish_finished_at)"
                        + " VALUES ('ns/expired', '{A}', 'published', 3, now() - interval '5 days')");
        db.execute(
                "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at) SELECT (SELECT id FROM"
                        + " dnsx_runs WHERE name = 'ns/expired'), id, 'resolved', now() - interval '5 days' FROM domains");

        assertThat(
                        publish(
                                "--run-name",
                                "ns/kept",
                                "--select",
                                "all",
                                "--outcome-retention-days",
                                "30"))
                .isZero();

        assertThat(
                        db.queryLong(
                                "SELECT outcome_retention_days FROM dnsx_runs WHERE name = 'ns/kept'"))
                .isEqualTo(30);
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes"))
                .as("the expired run's outcomes")
                .isZero();
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_runs WHERE name = 'ns/expired'"
                                        + " AND outcomes_dropped_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(publish("--select", "all", "--outcome-retention-days", "30"))
                .as("legacy mode has no run")
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--outcome-retention-days goes with --run-name");
    }

    @Test
    void aRunWhoseOutcomesWereDroppedIsNotResumed() {
        domains("d%s.example.com", 5);
        assertThat(publish("--run-name", "ns/gone", "--select", "all")).isZero();
        db.execute("UPDATE dnsx_runs SET outcomes_dropped_at = now() WHERE name = 'ns/gone'");

        assertThat(publish("--run-name", "ns/gone", "--select", "all"))
                .as("a configuration error: the run cannot go on")
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("run 'ns/gone' cannot go on: its per-domain outcomes were dropped")
                .contains("start a new run");
    }

    @Test
    void anExplicitListInsertsTheMissingDomainsAndPublishesOnlyThem() {
        domains("d%s.example.com", 20);

        assertThat(
                        publish(
                                "--run-name",
                                "ns/list",
                                "--domains",
                                "d3.example.com,New.Example.NET.,d7.example.com"))
                .isZero();

        Map<Long, Integer> seen = drainBatches();
        assertThat(seen.keySet())
                .isEqualTo(
                        ids(
                                "WHERE name IN ('d3.example.com', 'new.example.net', 'd7.example.com')"));
        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(21);
    }

    @Test
    void keysetPaginationSkipsNothingWhileWorkersMarkDomainsExtractedAndRowsAreInserted()
            throws Exception {
        domains("k%s.example.com", 5000);
        Set<Long> selectedAtStart = ids("");
        // a stand-in for the workers: every published domain gets an A record (so it stops being
        // "never extracted") while new domains keep arriving; OFFSET paging would skip a part of
        // the set
        CompletableFuture<Map<Long, Integer>> consumer =
                CompletableFuture.supplyAsync(
                        () -> {
                            Map<Long, Integer> seen = new HashMap<>();
                            long deadline = System.currentTimeMillis() + 60_000;
                            int round = 0;
                            while (seen.size() < selectedAtStart.size()
                                    && System.currentTimeMillis() < deadline) {
                                Map<Long, Integer> batch = drainBatches();
                                batch.forEach((k, v) -> seen.merge(k, v, Integer::sum));
                                if (!batch.isEmpty()) {
                                    db.execute(
                                            "INSERT INTO a_records (domain_id, ip_address, created_at, updated_at) SELECT id,"
                                                    + " '192.0.2.9', now(), now() FROM domains WHERE id IN ("
                                                    + join(batch.keySet())
                                                    + ")");
                                    db.execute(
                                            "INSERT INTO domains (name, created_at, updated_at) SELECT format('late%s-"
                                                    + round++
                                                    + ".example.com', g), now(), now() FROM generate_series(1, 50) g");
                                }
                            }
                            return seen;
                        });

        assertThat(
                        publish(
                                "--select",
                                "never-extracted",
                                "--run-name",
                                "ns/keyset",
                                "--page-size",
                                "200",
                                "--message-size",
                                "50",
                                "--max-queue-depth",
                                "4"))
                .isZero();

        Map<Long, Integer> seen = consumer.get(90, TimeUnit.SECONDS);
        assertThat(seen.keySet()).isEqualTo(selectedAtStart);
        assertThat(seen.values()).containsOnly(1);
    }

    static String join(Set<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    @Test
    void legacyModePublishesEverythingWithNoWorkerAsTheLegacyPublisherDid() {
        domains("legacy-all%s.example.com", 10_500);

        assertThat(publish("--select", "all")).as(err.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(broker.ready(broker.queue()))
                .as("one message a domain, none held back")
                .isEqualTo(10_500);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            textBlock =
                    """
            legacy mode                  | ''                         | 0
            run mode                     | --run-name ns/r             | 10000
            legacy mode with a limit     | --max-queue-depth 50        | 50
            run mode without a limit     | --run-name ns/r --max-queue-depth 0 | 0
            """)
    void backPressureIsTheDefaultOfRunModeOnly(String what, String args, long expected) {
        List<String> list =
                new ArrayList<>(
                        List.of(
                                "--postgres-dsn",
                                "postgresql://u@h/db",
                                "--rabbitmq-url",
                                "amqp://u:p@h/"));
        if (!args.isBlank()) {
            list.addAll(List.of(args.split(" ")));
        }
        PublisherSettings s =
                PublisherSettings.from(PublisherSettings.declare().parse(list, Map.of()));

        assertThat(s.maxQueueDepth()).isEqualTo(expected);
    }

    @Test
    void legacyModeRidesOutALostDatabaseConnectionWithNoGapAndNoDuplicate() throws Exception {
        domains("lost%s.example.com", 3_000);
        java.util.concurrent.CompletableFuture<Integer> publishing =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () ->
                                publish(
                                        "--select",
                                        "all",
                                        "--page-size",
                                        "100",
                                        "--max-queue-depth",
                                        "1000"));
        // paused by back-pressure, its connection idle between two pages
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> broker.ready(broker.queue()) > 1000);
        // what PostgreSQL does to its sessions on a restart: "terminating connection due to
        // administrator command"
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () ->
                                db.queryLong(
                                                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                                        + " WHERE application_name = 'dns-publisher' AND datname = current_database()")
                                        > 0);
        List<String> names = new ArrayList<>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> {
                            broker.drain(broker.queue())
                                    .forEach(
                                            r ->
                                                    names.add(
                                                            new String(
                                                                    r.getBody(),
                                                                    StandardCharsets.UTF_8)));
                            return publishing.isDone();
                        });
        broker.drain(broker.queue())
                .forEach(r -> names.add(new String(r.getBody(), StandardCharsets.UTF_8)));

        assertThat(publishing.get()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(names).hasSize(3_000).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(names))
                .isEqualTo(new TreeSet<>(db.queryStrings("SELECT name FROM domains")));
    }

    @Test
    void backPressurePausesWhileTheQueueIsFullAndResumesAsItDrains() throws Exception {
        domains("bp%s.example.com", 2000);
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(
                        () ->
                                publish(
                                        "--select",
                                        "all",
                                        "--run-name",
                                        "ns/bp",
                                        "--message-size",
                                        "10",
                                        "--max-queue-depth",
                                        "20",
                                        "--confirm-window",
                                        "5"));

        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> broker.ready(broker.queue()) >= 20);
        // paused: the queue does not grow past the limit, plus at most a tenth of it published
        // between two depth readings, plus the confirm window in flight
        await().during(java.time.Duration.ofMillis(1500))
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> broker.ready(broker.queue()) <= 20 + 2 + 5);
        assertThat(run).isNotDone();

        Map<Long, Integer> seen = new HashMap<>();
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> {
                            drainBatches().forEach((k, v) -> seen.merge(k, v, Integer::sum));
                            return run.isDone();
                        });
        drainBatches().forEach((k, v) -> seen.merge(k, v, Integer::sum));
        assertThat(run.get()).isZero();
        assertThat(seen.keySet()).isEqualTo(ids(""));
    }

    @Test
    void purgeEmptiesTheQueueFirstAndCountOnlyPublishesNothing() {
        domains("p%s.example.com", 30);
        broker.publishLegacy("stale1.example", "stale2.example");

        assertThat(countOnly("--select", "all")).isEqualTo(30);
        assertThat(broker.ready(broker.queue())).isEqualTo(2);

        assertThat(publish("--select", "all", "--purge-queue", "--worker-count", "2")).isZero();

        List<String> bodies =
                broker.drain(broker.queue()).stream()
                        .map(r -> new String(r.getBody(), StandardCharsets.UTF_8))
                        .toList();
        assertThat(bodies).hasSize(32).doesNotContain("stale1.example", "stale2.example");
        assertThat(bodies.subList(30, 32)).containsOnly("__STOP__");
        assertThat(bodies.subList(0, 30)).allMatch(b -> b.matches("p\\d+\\.example\\.com"));
    }

    @Test
    void badInputEndsWithAClearOneLineReasonAndItsExitCode() {
        assertThat(publish("--select", "not-extracted-since")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --since");

        assertThat(publish("--select", "sometimes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("not one of all, never-extracted");

        assertThat(publish("--domains", "ok.example,bad name")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not valid names");

        assertThat(publish("--rabbitmq-url", "amqp://guest:Hunter2@127.0.0.1:1/")).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("RabbitMQ at amqp://guest:***@127.0.0.1:1/")
                .doesNotContain("Hunter2");

        assertThat(publish("--postgres-dsn", "postgresql://x:Hunter2@127.0.0.1:99999/db"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("invalid port")
                .doesNotContain("Hunter2");

        // refused, not unreachable: a configuration error at once, not an outage waited out
        assertThat(
                        publish(
                                "--postgres-dsn",
                                db.dsnText().replace(db.dsn().database(), "no_such_db"),
                                "--outage-tolerance",
                                "300"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no database 'no_such_db'");
        assertThat(publish("--rabbitmq-url", "amqp://guest:Hunter2@127.0.0.1:5672/%2F"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("refused the credentials of user 'guest'")
                .doesNotContain("Hunter2");
        assertThat(publish("--rabbitmq-url", "amqp://guest:guest@127.0.0.1:5672/no-such-vhost"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("refused virtual host 'no-such-vhost'");

        domains("r%s.example.com", 5);
        assertThat(publish("--run-name", "ns/fixed", "--select", "all")).isZero();
        assertThat(publish("--run-name", "ns/fixed", "--select", "never-extracted")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("selection cannot change");
    }

    @Test
    void aDatabaseWithoutTheDomainsTableIsRefused() {
        try (TestDatabase empty = TestDatabase.create()) {
            List<String> args = TestCommandLine.publisher(empty, broker).args();

            int code =
                    PublisherMain.run(
                            args,
                            Map.of(),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code)
                    .as("the wrong database is a configuration error: no retry cures it")
                    .isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no domains table");
            assertThat(
                            empty.queryLong(
                                    "SELECT count(*) FROM pg_tables WHERE tablename = 'domains'"))
                    .isZero();
        }
    }

    @Test
    void aRunIsIdentifiedByItsUidSoThatARunCreatedAgainUnderTheSameNameIsNew() {
        domains("u%s.example.com", 7);
        assertThat(publish("--run-name", "ns/same", "--run-uid", "uid-1", "--select", "all"))
                .isZero();
        drainBatches();

        assertThat(
                        publish(
                                "--run-name",
                                "ns/same",
                                "--run-uid",
                                "uid-2",
                                "--select",
                                "never-extracted"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        assertThat(
                        db.queryStrings(
                                "SELECT resource_uid FROM dnsx_runs WHERE name = 'ns/same' ORDER BY id"))
                .containsExactly("uid-1", "uid-2");
        assertThat(drainBatches()).as("the new run publishes its own set").hasSize(7);
        assertThat(publish("--run-uid", "uid-3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--run-uid goes with --run-name");
    }
}
