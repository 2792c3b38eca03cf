/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TcpProxy;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's publisher rides out PostgreSQL and RabbitMQ outages shorter than its tolerance, and says
 * when not.
 */
class PublisherOutageTest {
    static final int DOMAINS = 600;

    TestDatabase db;
    TestBroker broker;
    TcpProxy proxy;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT format('o%s.example', g), now(), now()"
                        + " FROM generate_series(1, "
                        + DOMAINS
                        + ") g");
        broker = TestBroker.create();
    }

    @AfterEach
    void tearDown() {
        if (proxy != null) {
            proxy.close();
        }
        broker.close();
        db.close();
    }

    CompletableFuture<Integer> start(String dsn, String amqp, String tolerance, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--postgres-dsn",
                                dsn,
                                "--rabbitmq-url",
                                amqp,
                                "--queue-name",
                                broker.queue(),
                                "--worker-count",
                                "0",
                                "--outage-tolerance",
                                tolerance));
        args.addAll(List.of(extra));
        return CompletableFuture.supplyAsync(
                () ->
                        PublisherMain.run(
                                args,
                                Map.of(),
                                new PrintStream(
                                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    String viaProxy(String url, int port) {
        URI u = URI.create(url);
        return url.replace(u.getHost() + ":" + u.getPort(), "127.0.0.1:" + port);
    }

    /** Consumes the queue until the publisher ends; returns every domain id seen. */
    Set<Long> drainUntilDone(CompletableFuture<Integer> run) {
        Set<Long> seen = new TreeSet<>();
        await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> {
                            boolean done = run.isDone();
                            for (GetResponse r : broker.drain(broker.queue())) {
                                if (MessageCodec.decode(r.getBody(), r.getProps().getContentType())
                                        instanceof WorkMessage.DomainBatch b) {
                                    b.domains().forEach(d -> seen.add(d.id()));
                                }
                            }
                            return done;
                        });
        return seen;
    }

    @Test
    void aRabbitMqOutageMidPublishIsRiddenOutAndEveryDomainIsPublished() {
        proxy = TcpProxy.to(URI.create(TestBroker.URL).getPort());
        CompletableFuture<Integer> run =
                start(
                        db.dsnText(),
                        viaProxy(TestBroker.URL, proxy.port()),
                        "120",
                        "--run-name",
                        "ns/mq-outage",
                        "--select",
                        "all",
                        "--message-size",
                        "10",
                        "--max-queue-depth",
                        "5");
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.ready(broker.queue()) >= 5);

        proxy.cut();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> !run.isDone());
        proxy.restore();

        Set<Long> seen = drainUntilDone(run);
        assertThat(run.join()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(seen).hasSize(DOMAINS);
        assertThat(db.queryLong("SELECT published FROM dnsx_runs WHERE name = 'ns/mq-outage'"))
                .isEqualTo(DOMAINS);
        assertThat(db.queryStrings("SELECT state FROM dnsx_runs WHERE name = 'ns/mq-outage'"))
                .containsExactly("published");
    }

    @Test
    void aPostgresOutageMidPublishIsRiddenOutAndEveryDomainIsPublished() {
        proxy = TcpProxy.to(db.dsn().port());
        String dsn = viaProxy(db.dsnText(), proxy.port());
        CompletableFuture<Integer> run =
                start(
                        dsn,
                        TestBroker.URL,
                        "120",
                        "--run-name",
                        "ns/pg-outage",
                        "--select",
                        "all",
                        "--message-size",
                        "10",
                        "--batch-size", // the legacy name of --page-size, still accepted
                        "50",
                        "--max-queue-depth",
                        "5");
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.ready(broker.queue()) >= 5);

        proxy.cut();
        Set<Long> seen = new TreeSet<>(drainSome());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> !run.isDone());
        proxy.restore();

        seen.addAll(drainUntilDone(run));
        assertThat(run.join()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(seen).hasSize(DOMAINS);
        assertThat(db.queryLong("SELECT published FROM dnsx_runs WHERE name = 'ns/pg-outage'"))
                .isEqualTo(DOMAINS);
    }

    private Set<Long> drainSome() {
        Set<Long> seen = new TreeSet<>();
        for (GetResponse r : broker.drain(broker.queue())) {
            if (MessageCodec.decode(r.getBody(), r.getProps().getContentType())
                    instanceof WorkMessage.DomainBatch b) {
                b.domains().forEach(d -> seen.add(d.id()));
            }
        }
        return seen;
    }

    @Test
    void anOutageLongerThanTheToleranceEndsWithTheBrokersExitCodeAndSaysWhy() {
        proxy = TcpProxy.to(URI.create(TestBroker.URL).getPort());
        proxy.cut();

        CompletableFuture<Integer> run =
                start(
                        db.dsnText(),
                        viaProxy(TestBroker.URL, proxy.port()),
                        "3",
                        "--run-name",
                        "ns/too-long",
                        "--select",
                        "all");

        assertThat(run.join()).isEqualTo(ExitCodes.BROKER);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("RabbitMQ at amqp://guest:***@127.0.0.1:" + proxy.port())
                .doesNotContain("guest:guest");
    }
}
