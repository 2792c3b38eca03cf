/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverStateTest {
    private static final long SECOND = 1_000_000_000L;

    private static ResolverState state(int qps, int maxWindow) {
        ResolverSettings s =
                ResolverSettings.builder(
                                List.of(
                                        new InetSocketAddress(
                                                java.net.InetAddress.getLoopbackAddress(), 53)))
                        .timeout(Duration.ofSeconds(1))
                        .queriesPerSecond(qps)
                        .maxWindow(maxWindow)
                        .build();
        return new ResolverState(s.resolvers().get(0), s, 0);
    }

    @Test
    void theWindowHalvesOnATimeoutAtMostOncePerTimeoutPeriodAndRegrowsWithAnswers() {
        ResolverState r = state(0, 1000);

        r.onTimeout(10 * SECOND, 9 * SECOND);
        r.onTimeout(10 * SECOND + 1, 9 * SECOND);
        assertThat(r.window()).as("a burst of timeouts from one outage halves once").isEqualTo(500);
        assertThat(r.timeouts()).as("every timeout is counted, halving or not").isEqualTo(2);

        r.onRefusal(11 * SECOND);
        assertThat(r.window()).isEqualTo(250);

        for (int i = 0; i < 100; i++) {
            r.onAnswer(1000, 12 * SECOND);
        }
        assertThat(r.window()).isEqualTo(350);
    }

    @Test
    void theWindowNeverShrinksBelowItsMinimumNorGrowsAboveItsMaximum() {
        ResolverState r = state(0, 100);
        for (int i = 0; i < 50; i++) {
            r.onTimeout(i * 2L * SECOND, i * 2L * SECOND - SECOND);
        }
        assertThat(r.window()).isEqualTo(8);
        for (int i = 0; i < 500; i++) {
            r.onAnswer(1000, 200 * SECOND);
        }
        assertThat(r.window()).isEqualTo(100);
    }

    @Test
    void aTimeoutOfAQuerySentBeforeTheResolverAnsweredOthersIsADeadNameNotCongestion() {
        ResolverState r = state(0, 1000);
        r.onAnswer(1000, 10 * SECOND);

        r.onTimeout(11 * SECOND, 9 * SECOND);
        assertThat(r.window())
                .as("answered at 10 s a query sent at 9 s: the resolver is alive")
                .isEqualTo(1000);

        r.onTimeout(12 * SECOND, 10 * SECOND + 1);
        assertThat(r.window()).as("nothing answered since 10 s: congestion").isEqualTo(500);
    }

    @Test
    void noQueryIsSentBeyondTheWindow() {
        ResolverState r = state(0, 10);
        int sent = 0;
        while (r.tryAcquire(0)) {
            r.querySent();
            sent++;
        }
        assertThat(sent).isEqualTo(10);
    }

    @Test
    void theRateLimitAllowsQueriesPerSecondWithASmallBurst() {
        ResolverState r = state(1000, 100_000);
        int sentInOneSecond = 0;
        for (long t = 0; t < SECOND; t += 100_000) { // try every 0.1 ms
            while (r.tryAcquire(t)) {
                sentInOneSecond++;
            }
        }
        assertThat(sentInOneSecond).isBetween(1000, 1000 + 50);
        while (r.tryAcquire(SECOND)) {
            sentInOneSecond++;
        }
        assertThat(r.nanosUntilToken(SECOND))
                .as("drained: the next token is at most 1 ms away")
                .isPositive()
                .isLessThanOrEqualTo(SECOND / 1000);
    }

    @Test
    void theLossFollowsTheLastHundredOrSoAttemptsAndForgetsABadSpell() {
        ResolverState r = state(0, 100);
        assertThat(r.loss()).isZero();

        for (int i = 0; i < 300; i++) {
            r.onAttemptEnded(i % 2 == 0);
        }
        assertThat(r.loss()).as("half lost").isBetween(0.45, 0.55);

        for (int i = 0; i < 300; i++) {
            r.onAttemptEnded(true);
        }
        assertThat(r.loss()).as("recovered").isLessThan(0.05);
    }
}
