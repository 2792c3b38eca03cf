/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.outcome.OutcomeRetention;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.Rabbitmqctl;
import io.purplejo.dns.testing.ReliabilityReport;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestCommandLine;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue worker in-process against real PostgreSQL and RabbitMQ: messages in, rows out, and what
 * it does with bad ones.
 */
class WorkerServiceTest {
    private static final ReliabilityReport BAD_MESSAGES =
            new ReliabilityReport("bad-messages", "Bad message", "What happened", "Stored");

    @AfterAll
    static void writeReport() {
        BAD_MESSAGES.write();
    }

    private TestDatabase db;
    private TestBroker broker;
    private TestDnsServer dns;
    private WorkerService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        broker = TestBroker.create();
        dns = TestDnsServer.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            service.requestStop("test over");
            service.awaitStopped(Duration.ofSeconds(30));
        }
        dns.close();
        broker.close();
        db.close();
    }

    static List<String> args(
            TestDatabase db, TestBroker broker, TestDnsServer dns, String... extra) {
        return new ArrayList<>(
                TestCommandLine.worker(db, broker, dns.spec())
                        .with(WorkerOptions.DNS_TIMEOUT, 0.2)
                        .with(WorkerOptions.GRACE_PERIOD, 10)
                        .with(WorkerOptions.WORKER_ID, "test-worker")
                        .args(extra));
    }

    private WorkerService start(String... extra) {
        WorkerSettings settings =
                WorkerSettings.from(
                        WorkerSettings.declare().parse(args(db, broker, dns, extra), Map.of()),
                        Map.of());
        service = new WorkerService(settings);
        new Thread(
                        () -> {
                            try {
                                service.runUntilStopped();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "test-worker-main")
                .start();
        service.start();
        return service;
    }

    private long domainId(String name) {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES ('"
                        + name
                        + "', now(), now())");
        return db.queryLong("SELECT id FROM domains WHERE name = '" + name + "'");
    }

    private RunProgress progress(String run) throws Exception {
        return new RunProgressQuery(db.database().dataSource()).byName(run).orElseThrow();
    }

    @Test
    void aBrokerThatRefusesTheCredentialsStopsTheWorkerAsAConfigurationErrorInsteadOfRetrying() {
        List<String> a = args(db, broker, dns);
        a.set(a.indexOf(TestBroker.URL), "amqp://guest:Hunter2secret@127.0.0.1:5672/%2F");
        WorkerService refused =
                new WorkerService(
                        WorkerSettings.from(WorkerSettings.declare().parse(a, Map.of()), Map.of()));
        refused.start();

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () ->
                        org.assertj.core.api.Assertions.assertThatThrownBy(refused::runUntilStopped)
                                .isInstanceOf(
                                        io.purplejo.dns.config.InvalidConfigurationException.class)
                                .hasMessageContaining("refused the credentials of user 'guest'")
                                .hasMessageNotContaining("Hunter2"));
    }

    @Test
    void aDatabaseThatDoesNotExistFailsTheStartAsAConfigurationError() {
        List<String> a = args(db, broker, dns);
        a.set(a.indexOf(db.dsnText()), db.dsnText().replace(db.dsn().database(), "no_such_db"));
        WorkerService refused =
                new WorkerService(
                        WorkerSettings.from(WorkerSettings.declare().parse(a, Map.of()), Map.of()));

        org.assertj.core.api.Assertions.assertThatThrownBy(refused::start)
                .isInstanceOf(io.purplejo.dns.db.DatabaseRefusedException.class)
                .hasMessageContaining("has no database 'no_such_db'");
    }

    @Test
    void legacyMessagesAreResolvedStoredAndAcknowledged() throws Exception {
        dns.add("known.test. 300 IN A 192.0.2.1")
                .add("known.test. 300 IN TXT \"hello\"")
                .add("fresh.test. 300 IN MX 10 mx.fresh.test.")
                .add("xn--mnchen-3ya.test. 300 IN A 192.0.2.3");
        long known = domainId("known.test");
        long munich = domainId("münchen.test");
        broker.publishLegacy(
                "known.test", "Fresh.Test.", "xn--mnchen-3ya.test", "gone.test", "not a domain");

        start();

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                db.queryLong(
                                                "SELECT coalesce(sum(domains), 0) FROM dnsx_run_counters")
                                        == 5);
        assertThat(db.queryStrings("SELECT ip_address FROM a_records WHERE domain_id = " + known))
                .containsExactly("192.0.2.1");
        assertThat(db.queryStrings("SELECT content FROM txt_records")).containsExactly("hello");
        assertThat(db.queryStrings("SELECT ip_address FROM a_records WHERE domain_id = " + munich))
                .containsExactly("192.0.2.3");
        assertThat(
                        db.queryStrings(
                                "SELECT d.name || ' ' || m.exchange FROM mx_records m JOIN domains d ON d.id = m.domain_id"))
                .containsExactly("fresh.test mx.fresh.test");
        assertThat(db.queryStrings("SELECT name FROM domains ORDER BY name"))
                .containsExactly("fresh.test", "gone.test", "known.test", "münchen.test");
        RunProgress p = progress("legacy:" + broker.queue());
        assertThat(p.count(Outcome.RESOLVED)).isEqualTo(3);
        assertThat(p.count(Outcome.NXDOMAIN)).isEqualTo(1);
        assertThat(p.count(Outcome.INVALID)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.ready(broker.queue()) == 0);
        service.requestStop("test");
        assertThat(service.awaitStopped(Duration.ofSeconds(15))).isTrue();
        service = null;
        assertThat(broker.ready(broker.queue())).as("every message was acknowledged").isZero();
    }

    @Test
    void batchMessagesOfARunAndLegacyMessagesShareOneQueue() throws Exception {
        db.execute("INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/run-a', '{A,MX}')");
        long run = db.queryLong("SELECT id FROM dnsx_runs WHERE name = 'ns/run-a'");
        List<WorkMessage.DomainRef> refs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dns.add("b" + i + ".test. 300 IN A 198.51.100." + i);
            refs.add(new WorkMessage.DomainRef(domainId("b" + i + ".test"), "b" + i + ".test"));
        }
        dns.add("legacy.test. 300 IN A 192.0.2.99");
        broker.publishBatch(
                new WorkMessage.DomainBatch(run, List.of("A", "MX"), refs.subList(0, 25)));
        broker.publishLegacy("legacy.test");
        broker.publishBatch(
                new WorkMessage.DomainBatch(run, List.of("A", "MX"), refs.subList(25, 40)));

        start();

        await().atMost(Duration.ofSeconds(20)).until(() -> progress("ns/run-a").done() == 40);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                db.queryLong(
                                                "SELECT count(*) FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id"
                                                        + " WHERE r.name LIKE 'legacy:%'")
                                        == 1);
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(41);
        assertThat(
                        db.queryStrings(
                                "SELECT type_outcomes FROM dnsx_domain_outcomes WHERE run_id = "
                                        + run
                                        + " LIMIT 1"))
                .containsExactly("A=resolved MX=no_data");
        assertThat(progress("ns/run-a").count(Outcome.RESOLVED)).isEqualTo(40);
    }

    @Test
    void theStopMessageDrainsWhatCameBeforeItAndLeavesTheRestQueued() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dns.add("s" + i + ".test. 300 IN A 192.0.2." + i);
            before.add("s" + i + ".test");
        }
        broker.publishLegacy(before.toArray(String[]::new));
        broker.publishLegacy(MessageCodec.STOP_BODY);
        broker.publishLegacy("after1.test", "after2.test", "after3.test");

        WorkerService s = start("--prefetch", "100");

        assertThat(s.awaitStopped(Duration.ofSeconds(20)))
                .as("the worker stops by itself")
                .isTrue();
        service = null;
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes")).isEqualTo(20);
        List<String> left =
                broker.drain(broker.queue()).stream()
                        .map(r -> new String(r.getBody(), StandardCharsets.UTF_8))
                        .toList();
        assertThat(left).containsExactlyInAnyOrder("after1.test", "after2.test", "after3.test");
    }

    /** A bad message, how it is sent, and the reason its dead letter must give. */
    private record BadMessage(
            String description,
            byte[] body,
            com.rabbitmq.client.AMQP.BasicProperties props,
            String reason) {}

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithTheirReasonAndTheQueueMovesOn() throws Exception {
        dns.add("fine.test. 300 IN A 192.0.2.1");
        List<BadMessage> bad =
                List.of(
                        new BadMessage(
                                "A batch body cut off in the middle of its JSON",
                                "{\"v\":1,\"run\":".getBytes(StandardCharsets.UTF_8),
                                MessageProperties.PERSISTENT_BASIC,
                                "not valid JSON"),
                        new BadMessage(
                                "A batch message of a run that does not exist",
                                MessageCodec.encode(
                                        new WorkMessage.DomainBatch(
                                                424242,
                                                List.of(),
                                                List.of(new WorkMessage.DomainRef(0, "x.test")))),
                                MessageProperties.PERSISTENT_BASIC
                                        .builder()
                                        .contentType(MessageCodec.BATCH_CONTENT_TYPE)
                                        .build(),
                                "run 424242 does not exist"),
                        new BadMessage(
                                "A legacy body that is not UTF-8",
                                new byte[] {(byte) 0xff, (byte) 0xfe},
                                MessageProperties.PERSISTENT_TEXT_PLAIN,
                                "not valid UTF-8"),
                        new BadMessage(
                                "An empty body",
                                new byte[0],
                                MessageProperties.PERSISTENT_TEXT_PLAIN,
                                "empty message body"),
                        new BadMessage(
                                "A legacy body of 3,000,000 bytes",
                                "x".repeat(3_000_000).getBytes(StandardCharsets.UTF_8),
                                MessageProperties.PERSISTENT_TEXT_PLAIN,
                                "legacy message of 3000000 bytes cannot be a domain name"));
        bad.forEach(m -> broker.publishRaw(m.body(), m.props()));
        broker.publishLegacy("fine.test");

        start();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> broker.ready(broker.deadLetterQueue()) == bad.size());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 1);
        List<GetResponse> dead = broker.drain(broker.deadLetterQueue());
        for (BadMessage m : bad) {
            GetResponse letter =
                    dead.stream()
                            .filter(r -> java.util.Arrays.equals(r.getBody(), m.body()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    m.description() + " was not dead-lettered"));
            String reason = letter.getProps().getHeaders().get(QueueNames.REASON_HEADER).toString();
            BAD_MESSAGES.row(
                    m.description(),
                    "dead-lettered, body unchanged, reason: \"" + reason + "\"",
                    "nothing");
            assertThat(reason).as(m.description()).contains(m.reason());
        }
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_invalid_names"))
                .as("dead-lettered, not stored")
                .isZero();
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes"))
                .as("only the fine message")
                .isEqualTo(1);
        assertThat(broker.ready(broker.queue())).isZero();
    }

    @Test
    void aBatchOfARunWhoseOutcomesWereDroppedIsDeadLetteredAndStoresNothing() throws Exception {
        dns.add("late.test. 300 IN A 192.0.2.1");
        long run =
                db.queryLong(
                        "INSERT INTO dnsx_runs (name, record_types, state, outcome_retention_days,"
                                + " publish_finished_at) VALUES ('ns/old', '{A}', 'published', 1, now() - interval '3 days') RETURNING id");
        assertThat(
                        OutcomeRetention.dropExpired(
                                db.database().dataSource(), java.time.Instant.now()))
                .hasSize(1);
        broker.publishBatch(
                new WorkMessage.DomainBatch(
                        run, List.of("A"), List.of(new WorkMessage.DomainRef(0, "late.test"))));

        start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.ready(broker.deadLetterQueue()) == 1);
        String reason =
                broker.drain(broker.deadLetterQueue())
                        .get(0)
                        .getProps()
                        .getHeaders()
                        .get(QueueNames.REASON_HEADER)
                        .toString();
        BAD_MESSAGES.row(
                "A batch of a run whose outcomes were dropped (retention ended), redelivered late",
                "dead-lettered, reason: \"" + reason.replace('\n', ' ') + "\"",
                "nothing");
        assertThat(reason).contains("no partition");
        assertThat(db.queryLong("SELECT count(*) FROM a_records"))
                .as("its records are not stored either")
                .isZero();
    }

    @Test
    void aBatchMessageWhoseDomainIdNamesAnotherDomainTouchesNeitherAndIsDeadLettered()
            throws Exception {
        long run =
                db.queryLong(
                        "INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/forged', '{A}')"
                                + " RETURNING id");
        dns.add("victim.test. 300 IN A 192.0.2.20");
        dns.add("forger.test. 300 IN A 198.51.100.66");
        dns.add("honest.test. 300 IN A 192.0.2.30");
        dns.add("ghost.test. 300 IN A 192.0.2.40");
        long victim = domainId("victim.test");
        long forger = domainId("forger.test");
        long honest = domainId("honest.test");
        // the victim's record as an earlier run stored it
        db.execute(
                "INSERT INTO a_records (domain_id, ip_address, created_at, updated_at) VALUES ("
                        + victim
                        + ", '192.0.2.20', now(), now())");
        broker.publishBatch(
                new WorkMessage.DomainBatch(
                        run,
                        List.of("A"),
                        List.of(
                                new WorkMessage.DomainRef(victim, "forger.test"),
                                new WorkMessage.DomainRef(honest, "HONEST.test."),
                                new WorkMessage.DomainRef(999_999, "ghost.test"))));

        start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.ready(broker.deadLetterQueue()) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress("ns/forged").done() == 1);
        List<String> reasons = new ArrayList<>();
        for (GetResponse dead : broker.drain(broker.deadLetterQueue())) {
            reasons.add(dead.getProps().getHeaders().get(QueueNames.REASON_HEADER).toString());
        }
        assertThat(reasons)
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .contains("domain id " + victim)
                                        .contains("forger.test")
                                        .contains("victim.test"))
                .anySatisfy(r -> assertThat(r).contains("999999").contains("does not exist"));
        BAD_MESSAGES.row(
                "A batch message whose domain id names another domain's row, or no row",
                "that domain dead-lettered, reasons: \""
                        + String.join("\"; \"", reasons)
                        + "\"; the message's other domains stored",
                "nothing under either domain");
        assertThat(db.queryStrings("SELECT ip_address FROM a_records WHERE domain_id = " + victim))
                .as("the victim keeps its record, nothing is written over it")
                .containsExactly("192.0.2.20");
        assertThat(db.queryLong("SELECT count(*) FROM a_records WHERE domain_id = " + forger))
                .isZero();
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_removed_records")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM domains WHERE name = 'ghost.test'"))
                .as("no row is made for an id that does not exist")
                .isZero();
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_domain_outcomes WHERE domain_id IN ("
                                        + victim
                                        + ", "
                                        + forger
                                        + ")"))
                .isZero();
        assertThat(db.queryLong("SELECT count(*) FROM a_records WHERE domain_id = " + honest))
                .as("a name in another case and with a trailing dot is the same domain")
                .isEqualTo(1);
    }

    @Test
    void bothSpellingsOfAnInternationalisedNameAreOneDomainRow() throws Exception {
        dns.add("xn--bcher-kva.test. 300 IN A 192.0.2.7");
        broker.publishLegacy("bücher.test");
        broker.publishLegacy("XN--BCHER-KVA.TEST.");

        start();

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                broker.ready(broker.queue()) == 0
                                        && db.queryLong("SELECT count(*) FROM a_records") == 1);
        service.requestStop("test over");
        assertThat(service.awaitStopped(Duration.ofSeconds(30))).isTrue();
        service = null;
        assertThat(db.queryStrings("SELECT name FROM domains")).containsExactly("bücher.test");
    }

    @Test
    void aDomainTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsMessageIsStored()
            throws Exception {
        long run =
                db.queryLong(
                        "INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/refuse', '{A}')"
                                + " RETURNING id");
        // the database refuses one value, as it would one it cannot hold
        db.execute(
                "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.ip_address = '192.0.2.66' THEN RAISE EXCEPTION 'poisoned value'"
                        + " USING ERRCODE = '22023'; END IF; RETURN NEW; END $$");
        db.execute(
                "CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON a_records"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        List<WorkMessage.DomainRef> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            dns.add("r" + i + ".test. 300 IN A " + (i == 4 ? "192.0.2.66" : "198.51.100." + i));
            refs.add(new WorkMessage.DomainRef(domainId("r" + i + ".test"), "r" + i + ".test"));
        }
        broker.publishBatch(new WorkMessage.DomainBatch(run, List.of("A"), refs));

        start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> broker.ready(broker.deadLetterQueue()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress("ns/refuse").done() == 9);
        GetResponse dead = broker.drain(broker.deadLetterQueue()).get(0);
        WorkMessage.DomainBatch alone =
                (WorkMessage.DomainBatch)
                        MessageCodec.decode(dead.getBody(), dead.getProps().getContentType());
        assertThat(alone.runId()).isEqualTo(run);
        assertThat(alone.domains())
                .extracting(WorkMessage.DomainRef::name)
                .containsExactly("r4.test");
        assertThat(dead.getProps().getHeaders().get(QueueNames.REASON_HEADER).toString())
                .contains("database refused the domain")
                .contains("poisoned value");
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(9);
        // the message itself was acknowledged once its other nine domains were stored: stopping
        // the worker gives nothing back to the queue
        service.requestStop("test over");
        assertThat(service.awaitStopped(Duration.ofSeconds(30))).isTrue();
        service = null;
        assertThat(broker.ready(broker.queue())).isZero();
    }

    @Test
    void aMessageDeliveredTooOftenIsDeadLettered() throws Exception {
        dns.add("loop.test. 300 IN A 192.0.2.1");
        broker.publishRaw(
                "loop.test".getBytes(StandardCharsets.UTF_8),
                MessageProperties.PERSISTENT_TEXT_PLAIN
                        .builder()
                        .headers(Map.of("x-delivery-count", 5))
                        .build());

        start("--max-deliveries", "5");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> broker.ready(broker.deadLetterQueue()) == 1);
        String reason =
                broker.drain(broker.deadLetterQueue())
                        .get(0)
                        .getProps()
                        .getHeaders()
                        .get(QueueNames.REASON_HEADER)
                        .toString();
        BAD_MESSAGES.row(
                "A message redelivered 5 times (a worker crashed on it each time)",
                "dead-lettered, reason: \"" + reason + "\"",
                "nothing");
        assertThat(reason).contains("delivered 5 times");
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isZero();
    }

    @Test
    void aLostRabbitMqConnectionIsReopenedAndItsUnacknowledgedMessagesAreStoredOnce()
            throws Exception {
        assumeTrue(Rabbitmqctl.available(), "rabbitmqctl is needed to cut the worker's connection");
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            dns.add("r" + i + ".test. 300 IN A 192.0.2." + i)
                    .behave("r" + i + ".test", TestDnsServer.Behavior.DELAY);
            slow.add("r" + i + ".test");
        }
        dns.delay(300);
        start("--concurrency", "20", "--prefetch", "30", "--dns-timeout", "2.0");
        await().atMost(Duration.ofSeconds(20)).until(() -> service.ready());
        broker.publishLegacy(slow.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes") >= 10);

        Rabbitmqctl.closeConnection("dns-worker-test-worker");

        await().atMost(Duration.ofSeconds(40))
                .until(
                        () ->
                                db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes") == 60
                                        && broker.ready(broker.queue()) == 0);
        service.requestStop("test");
        assertThat(service.awaitStopped(Duration.ofSeconds(15))).isTrue();
        service = null;
        assertThat(broker.ready(broker.queue())).as("nothing left unacknowledged").isZero();
        assertThat(progress("legacy:" + broker.queue()).count(Outcome.RESOLVED)).isEqualTo(60);
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(60);
    }

    @Test
    void metricsHealthAndReadinessAreServed() throws Exception {
        dns.add("m.test. 300 IN A 192.0.2.1");
        broker.publishLegacy("m.test");
        WorkerService s = start("--metrics-port", "0");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 1);
        assertThat(s.metricsPort()).as("port 0 disables the server").isZero();
        service.requestStop("restart with metrics");
        service.awaitStopped(Duration.ofSeconds(15));

        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        start("--metrics-port", String.valueOf(port));
        broker.publishLegacy("m.test");
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get(http, port, "/readyz").statusCode() == 200);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                get(http, port, "/metrics")
                                        .body()
                                        .contains("dnsx_domains_total{outcome=\"resolved\"} 1.0"));
        String metrics = get(http, port, "/metrics").body();
        assertThat(metrics)
                .contains("dnsx_resolver_queries_total{resolver=\"127.0.0.1:")
                .contains("dnsx_resolver_latency_seconds_count")
                .contains("dnsx_batch_write_seconds_count")
                .contains("dnsx_domains_in_flight")
                .contains("dnsx_lookups_total{outcome=\"resolved\",type=\"A\"}");
        assertThat(get(http, port, "/healthz").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLostDatabaseConnectionIsRetriedAndNothingIsAcknowledgedUntilCommitted() throws Exception {
        for (int i = 0; i < 30; i++) {
            dns.add("p" + i + ".test. 300 IN A 192.0.2." + i);
        }
        start();
        broker.publishLegacy("p0.test");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 1);

        // kill every connection of the worker while it has work: its writes fail with 57P01 and are
        // retried
        for (int i = 1; i < 30; i++) {
            broker.publishLegacy("p" + i + ".test");
            if (i % 10 == 0) {
                db.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                                + db.dsn().database()
                                + "' AND application_name LIKE 'dns-worker-%'");
            }
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 30);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.ready(broker.queue()) == 0);
        assertThat(progress("legacy:" + broker.queue()).count(Outcome.RESOLVED)).isEqualTo(30);
    }

    @Test
    void whileTheDatabaseHoldsItsWritesTheWorkerResolvesNoMoreThanItsConcurrency()
            throws Exception {
        for (int i = 0; i < 40; i++) {
            dns.add("h" + i + ".test. 300 IN A 192.0.2." + i);
        }
        start("--concurrency", "10", "--write-batch-size", "5", "--batch-delay-ms", "10");
        try (Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                // the worker's writes wait behind this lock: nothing commits until it goes
                st.execute("LOCK TABLE a_records IN EXCLUSIVE MODE");
            }
            for (int i = 0; i < 40; i++) {
                broker.publishLegacy("h" + i + ".test");
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> namesAsked() == 10);
            // a domain keeps its permit until its batch commits: memory stays bounded by the
            // concurrency however long the database makes the worker wait
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> namesAsked() == 10);
            assertThat(db.queryLong("SELECT count(*) FROM a_records")).isZero();
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 40);
        assertThat(namesAsked()).isEqualTo(40);
    }

    @Test
    void aBatchStuckOnALockedRowDoesNotHoldBackTheNextBatches() throws Exception {
        for (int i = 0; i < 10; i++) {
            dns.add("s" + i + ".test. 300 IN A 192.0.2." + i);
        }
        // batches of 3 (10 permits among two writers and the batch being collected)
        start("--concurrency", "10", "--batch-writers", "2", "--batch-delay-ms", "10");
        long stuck = domainId("s0.test");
        for (int i = 1; i < 10; i++) {
            domainId("s" + i + ".test");
        }
        try (Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                // the batch holding s0.test waits behind this row lock until it goes
                st.execute("SELECT 1 FROM domains WHERE id = " + stuck + " FOR UPDATE");
            }
            broker.publishLegacy("s0.test");
            await().atMost(Duration.ofSeconds(20)).until(() -> namesAsked() == 1);
            for (int i = 1; i < 10; i++) {
                broker.publishLegacy("s" + i + ".test");
            }

            // at most two others share s0.test's batch; the rest commit on the other writer
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> db.queryLong("SELECT count(*) FROM a_records") >= 7);
            assertThat(db.queryLong("SELECT count(*) FROM a_records WHERE domain_id = " + stuck))
                    .isZero();
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.queryLong("SELECT count(*) FROM a_records") == 10);
    }

    private long namesAsked() {
        return dns.received().stream()
                .map(m -> m.getQuestion().getName().toString())
                .distinct()
                .count();
    }
}
