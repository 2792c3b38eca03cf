/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.JavaProcess;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The publisher as a real process, killed with SIGKILL mid-run and started again. */
class PublisherProcessTest {
    private static final int MESSAGE_SIZE = 10;
    private static final int CONFIRM_WINDOW = 10;

    private static Process start(TestDatabase db, TestBroker broker, String maxDepth)
            throws Exception {
        return JavaProcess.start(
                PublisherMain.class.getName(),
                List.of(
                        "--postgres-dsn",
                        db.dsnText(),
                        "--rabbitmq-url",
                        TestBroker.URL,
                        "--queue-name",
                        broker.queue(),
                        "--run-name",
                        "ns/killed",
                        "--select",
                        "all",
                        "--message-size",
                        String.valueOf(MESSAGE_SIZE),
                        "--confirm-window",
                        String.valueOf(CONFIRM_WINDOW),
                        "--max-queue-depth",
                        maxDepth,
                        "--worker-count",
                        "0"),
                ProcessBuilder.Redirect.DISCARD);
    }

    private static void collect(TestBroker broker, Map<Long, Integer> seen) {
        for (GetResponse r : broker.drain(broker.queue())) {
            WorkMessage.DomainBatch b =
                    (WorkMessage.DomainBatch)
                            MessageCodec.decode(r.getBody(), r.getProps().getContentType());
            b.domains().forEach(d -> seen.merge(d.id(), 1, Integer::sum));
        }
    }

    @Test
    void killedMidRunAndStartedAgainItPublishesEveryDomainWithFewDuplicates() throws Exception {
        try (TestDatabase db = TestDatabase.create();
                TestBroker broker = TestBroker.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) SELECT format('k%s.example', g), now(), now()"
                            + " FROM generate_series(1, 3000) g");
            List<Process> started = new ArrayList<>();
            try {
                // a small queue limit holds the first publisher in the middle of the run
                Process first = start(db, broker, "30");
                started.add(first);
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        db.queryLong(
                                                                "SELECT coalesce(max(published), 0) FROM dnsx_runs")
                                                        >= 200
                                                && broker.ready(broker.queue()) >= 30);
                first.destroyForcibly();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long savedBeforeKill =
                        db.queryLong("SELECT published FROM dnsx_runs WHERE name = 'ns/killed'");
                Map<Long, Integer> seen = new HashMap<>();
                collect(broker, seen);
                assertThat(savedBeforeKill).isLessThan(3000);

                Process second = start(db, broker, "1000000");
                started.add(second);
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(second.exitValue()).isZero();
                collect(broker, seen);

                Set<Long> all = new TreeSet<>();
                db.queryStrings("SELECT id FROM domains").forEach(x -> all.add(Long.parseLong(x)));
                assertThat(seen.keySet()).as("no domain skipped").isEqualTo(all);
                long duplicates = seen.values().stream().mapToInt(v -> v - 1).sum();
                assertThat(duplicates)
                        .as("at most the unconfirmed window is published twice")
                        .isLessThanOrEqualTo((long) CONFIRM_WINDOW * MESSAGE_SIZE);
                assertThat(
                                db.queryStrings(
                                        "SELECT state || ' ' || published || ' ' || total FROM dnsx_runs"))
                        .containsExactly("published 3000 3000");
            } finally {
                started.forEach(Process::destroyForcibly);
            }
        }
    }
}
