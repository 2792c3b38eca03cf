/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.testing.TestDnsServer.Behavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * One resolver of two misbehaves; the healthy one takes the load and every name ends with its true
 * answer. Each lookup has three attempts and a round-robin first resolver, so half the names meet
 * the bad one first.
 */
class MisbehavingResolversTest {
    private static final int NAMES = 200;
    private final List<TestDnsServer> servers = new ArrayList<>();

    @AfterEach
    void close() {
        servers.forEach(TestDnsServer::close);
    }

    private TestDnsServer server(Consumer<TestDnsServer> setup) {
        TestDnsServer s = TestDnsServer.start();
        for (int i = 0; i < NAMES; i++) {
            s.add("n" + i + ".test. 300 IN A 192.0.2." + (i % 250 + 1));
            s.add("n" + i + ".test. 300 IN TXT \"" + "t".repeat(200) + i + "\"");
        }
        setup.accept(s);
        servers.add(s);
        return s;
    }

    private static Map<String, TypeAnswer> resolveAll(
            TestDnsServer good, TestDnsServer bad, int type) throws Exception {
        ResolverSettings settings =
                ResolverSettings.builder(List.of(bad.address(), good.address()))
                        .timeout(Duration.ofMillis(300))
                        .build();
        Map<String, TypeAnswer> answers = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(NAMES);
        try (DnsClient client = new DnsClient(settings)) {
            for (int i = 0; i < NAMES; i++) {
                String n = "n" + i + ".test";
                client.lookup(
                        Name.fromString(n + "."),
                        type,
                        a -> {
                            answers.put(n, a);
                            done.countDown();
                        });
            }
            assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
        }
        // until its loss shows (a few dozen queries) it gets every other name; then probes only
        assertThat(bad.received()).as("the misbehaving resolver was asked").hasSizeGreaterThan(10);
        return answers;
    }

    private static void assertEveryNameResolved(Map<String, TypeAnswer> answers) {
        assertThat(answers).hasSize(NAMES);
        assertThat(answers.values())
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.RESOLVED));
        for (int i = 0; i < NAMES; i++) {
            assertThat(answers.get("n" + i + ".test").values())
                    .containsExactly("192.0.2." + (i % 250 + 1));
        }
    }

    @Test
    void aResolverThatAnswersNothingIsLeftAsideWhileTheOtherAnswers() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer dead = server(s -> s.behaveForAll(Behavior.DROP));

        ResolverSettings settings =
                ResolverSettings.builder(List.of(dead.address(), good.address()))
                        .timeout(Duration.ofMillis(300))
                        .build();
        Map<String, TypeAnswer> answers = new ConcurrentHashMap<>();
        try (DnsClient client = new DnsClient(settings)) {
            // names arrive in waves, as a worker's flow does: the loss of the first waves steers
            // the next ones
            for (int wave = 0; wave < 10; wave++) {
                CountDownLatch done = new CountDownLatch(NAMES / 10);
                for (int i = wave * NAMES / 10; i < (wave + 1) * NAMES / 10; i++) {
                    String n = "n" + i + ".test";
                    client.lookup(
                            Name.fromString(n + "."),
                            Type.A,
                            a -> {
                                answers.put(n, a);
                                done.countDown();
                            });
                }
                assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
            }
        }

        assertEveryNameResolved(answers);
        // round robin alone sends it every other name: half of them. Once its loss shows (three
        // waves), it only gets probes, ten a second.
        assertThat(dead.received()).as("queries the dead resolver got").hasSizeLessThan(NAMES / 4);
    }

    @Test
    void aResolverThatDropsHalfItsQueries() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer bad = server(s -> s.dropShare(0.5));

        assertEveryNameResolved(resolveAll(good, bad, Type.A));
    }

    @Test
    void aResolverThatAnswersServfailToEverything() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer bad = server(s -> s.behaveForAll(Behavior.SERVFAIL));

        assertEveryNameResolved(resolveAll(good, bad, Type.A));
    }

    @Test
    void aResolverThatRefusesEverything() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer bad = server(s -> s.behaveForAll(Behavior.REFUSED));

        assertEveryNameResolved(resolveAll(good, bad, Type.A));
    }

    @Test
    void aResolverThatAnswersWithMismatchedIds() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer bad = server(s -> s.behaveForAll(Behavior.WRONG_ID));

        assertEveryNameResolved(resolveAll(good, bad, Type.A));
    }

    @Test
    void aResolverThatTruncatesEverythingWithTcpClosed() throws Exception {
        TestDnsServer good = server(s -> {});
        TestDnsServer bad = server(s -> s.behaveForAll(Behavior.TRUNCATE).closeTcp());

        Map<String, TypeAnswer> answers = resolveAll(good, bad, Type.TXT);

        assertThat(answers.values())
                .allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.RESOLVED));
        assertThat(answers.get("n7.test").values()).containsExactly("t".repeat(200) + 7);
    }
}
