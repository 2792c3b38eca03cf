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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Names that never answer must not starve the names that do. */
class DnsClientFairnessTest {
    private static final int DEAD = 200;
    private static final int LIVE = 100;

    @Test
    void liveNamesAreResolvedWhileDeadNamesRetryAndNoNameIsATimeoutWithoutBeingAsked()
            throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            for (int i = 0; i < DEAD; i++) {
                dns.behave("dead" + i + ".test", Behavior.DROP);
            }
            for (int i = 0; i < LIVE; i++) {
                dns.add("live" + i + ".test. 300 IN A 192.0.2." + (i + 1));
            }
            ResolverSettings settings =
                    ResolverSettings.builder(List.of(dns.address()))
                            .timeout(Duration.ofMillis(200))
                            .maxWindow(20)
                            .build();
            Map<String, TypeAnswer> answers = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(DEAD + LIVE);
            try (DnsClient client = new DnsClient(settings)) {
                // the dead names first: they fill the window and then retry
                for (int i = 0; i < DEAD; i++) {
                    String n = "dead" + i + ".test";
                    client.lookup(
                            Name.fromString(n + "."),
                            Type.A,
                            a -> {
                                answers.put(n, a);
                                done.countDown();
                            });
                }
                for (int i = 0; i < LIVE; i++) {
                    String n = "live" + i + ".test";
                    client.lookup(
                            Name.fromString(n + "."),
                            Type.A,
                            a -> {
                                answers.put(n, a);
                                done.countDown();
                            });
                }
                assertThat(done.await(2, TimeUnit.MINUTES)).isTrue();
            }

            for (int i = 0; i < LIVE; i++) {
                assertThat(answers.get("live" + i + ".test").outcome())
                        .as("live" + i)
                        .isEqualTo(Outcome.RESOLVED);
            }
            for (int i = 0; i < DEAD; i++) {
                TypeAnswer a = answers.get("dead" + i + ".test");
                assertThat(a.outcome()).isEqualTo(Outcome.TIMEOUT);
                assertThat(a.attempts())
                        .as("a timeout is reported only for a name that was asked")
                        .isPositive();
                assertThat(dns.udpQueriesFor("dead" + i + ".test")).isPositive();
            }
        }
    }
}
