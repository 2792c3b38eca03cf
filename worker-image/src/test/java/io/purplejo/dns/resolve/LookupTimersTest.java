/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class LookupTimersTest {
    private static final long TIMEOUT = 1_000;
    private static final long DEADLINE = 5_000;

    private final LookupTimers timers = new LookupTimers(TIMEOUT, DEADLINE);

    /** A lookup whose {@code attempts}-th UDP attempt went out at {@code now}. */
    private Lookup sent(Lookup l, long now) {
        timers.firstQuery(l, now);
        l.attempts++;
        l.channel = 0;
        timers.attemptSent(l, now);
        return l;
    }

    private static Lookup lookup() {
        return new Lookup(Name.root, Type.A, a -> {});
    }

    @Test
    void attemptsTimeOutInTheOrderTheyWereSentAndNotBefore() {
        Lookup first = sent(lookup(), 100);
        Lookup second = sent(lookup(), 200);

        assertThat(timers.nextTimedOutAttempt(100 + TIMEOUT - 1)).isNull();
        assertThat(timers.nextTimedOutAttempt(200 + TIMEOUT)).isSameAs(first);
        assertThat(timers.nextTimedOutAttempt(200 + TIMEOUT)).isSameAs(second);
        assertThat(timers.nextTimedOutAttempt(Long.MAX_VALUE / 2)).isNull();
    }

    @Test
    void anAttemptThatWasAnsweredOrReplacedNeverTimesOut() {
        Lookup answered = sent(lookup(), 0);
        answered.channel = -1; // its answer came
        Lookup retried = sent(lookup(), 0);
        sent(retried, 500); // its second attempt replaced the first
        Lookup ended = sent(lookup(), 0);
        ended.done = true;

        assertThat(timers.nextTimedOutAttempt(TIMEOUT)).isNull();
        assertThat(timers.nextTimedOutAttempt(500 + TIMEOUT)).isSameAs(retried);
    }

    @Test
    void theDeadlineStartsWithTheFirstQueryAndARetryDoesNotMoveIt() {
        Lookup l = sent(lookup(), 1_000);
        sent(l, 3_000);

        assertThat(l.deadline).isEqualTo(1_000 + DEADLINE);
        assertThat(timers.nextPastDeadline(1_000 + DEADLINE - 1)).isNull();
        assertThat(timers.nextPastDeadline(1_000 + DEADLINE)).isSameAs(l);
        assertThat(timers.nextPastDeadline(1_000 + DEADLINE)).isNull();
    }

    @Test
    void sleepsUntilTheNearestTimeoutOrDeadline() {
        assertThat(timers.nanosUntilNext(0, 42)).isEqualTo(42);

        sent(lookup(), 100);

        assertThat(timers.nanosUntilNext(100, Long.MAX_VALUE)).isEqualTo(TIMEOUT);
        assertThat(timers.nanosUntilNext(100, 10)).isEqualTo(10);
    }
}
