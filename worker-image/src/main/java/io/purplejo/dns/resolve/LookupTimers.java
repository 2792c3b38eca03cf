/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The two clocks of the lookups in flight: each UDP attempt's timeout, and each lookup's hard
 * deadline. Every attempt has the same timeout and every lookup the same deadline, and both start
 * in time order, so a FIFO queue of each is a complete timing wheel: only its head can be due.
 */
final class LookupTimers {
    /** The timeout of one UDP attempt; stale once the lookup moved on to another one or ended. */
    private record AttemptTimeout(Lookup lookup, int attempt, long due) {
        boolean stale() {
            return lookup.done || !lookup.attemptOut() || lookup.attempts != attempt;
        }
    }

    private final long attemptTimeoutNanos;
    private final long deadlineNanos;
    private final ArrayDeque<AttemptTimeout> attempts = new ArrayDeque<>();
    private final ArrayDeque<Lookup> deadlines = new ArrayDeque<>();

    LookupTimers(long attemptTimeoutNanos, long deadlineNanos) {
        this.attemptTimeoutNanos = attemptTimeoutNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Starts a lookup's deadline at its first query (a lookup that waited for room was never late);
     * later calls for the same lookup change nothing.
     */
    void firstQuery(Lookup l, long now) {
        if (l.attempts == 0) {
            l.deadline = now + deadlineNanos;
            deadlines.add(l);
        }
    }

    /** Starts the timeout of the lookup's current attempt, its {@code attempts}-th. */
    void attemptSent(Lookup l, long now) {
        attempts.addLast(new AttemptTimeout(l, l.attempts, now + attemptTimeoutNanos));
    }

    /** The next lookup whose current attempt timed out by {@code now}, or null. */
    Lookup nextTimedOutAttempt(long now) {
        while (!attempts.isEmpty()) {
            AttemptTimeout t = attempts.peekFirst();
            if (t.stale()) {
                attempts.pollFirst();
            } else if (t.due() - now > 0) {
                return null;
            } else {
                attempts.pollFirst();
                return t.lookup();
            }
        }
        return null;
    }

    /** The next open lookup whose deadline passed by {@code now}, or null. */
    Lookup nextPastDeadline(long now) {
        while (!deadlines.isEmpty()) {
            Lookup l = deadlines.peekFirst();
            if (l.done) {
                deadlines.pollFirst();
            } else if (l.deadline - now > 0) {
                return null;
            } else {
                deadlines.pollFirst();
                return l;
            }
        }
        return null;
    }

    /** Nanoseconds until the next timeout or deadline (at most {@code limit}). */
    long nanosUntilNext(long now, long limit) {
        long wait = limit;
        if (!attempts.isEmpty()) {
            wait = Math.min(wait, attempts.peekFirst().due() - now);
        }
        if (!deadlines.isEmpty()) {
            wait = Math.min(wait, deadlines.peekFirst().deadline - now);
        }
        return wait;
    }

    /** The lookups whose deadline runs (open or ended), for closing. */
    List<Lookup> started() {
        return new ArrayList<>(deadlines);
    }
}
