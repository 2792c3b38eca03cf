/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.outcome.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What {@code resolve} has done so far: names read (by the reading thread), results written with
 * their outcomes (by the writer), and the names a file holds in all (by a counting thread); read by
 * the statistics line and the final summary from any thread.
 */
final class ResolveTally {
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLongArray outcomes = new AtomicLongArray(Outcome.values().length);
    private final AtomicLong listed = new AtomicLong(-1);

    void nameRead() {
        read.incrementAndGet();
    }

    /** A name read whose result an earlier, interrupted run already wrote. */
    void nameSkipped() {
        skipped.incrementAndGet();
    }

    void written(Outcome outcome) {
        outcomes.incrementAndGet(outcome.ordinal());
        written.incrementAndGet();
    }

    /** The input holds this many names in all (counted apart, when it is a file). */
    void listed(long names) {
        listed.set(names);
    }

    long namesRead() {
        return read.get();
    }

    long namesSkipped() {
        return skipped.get();
    }

    long namesWritten() {
        return written.get();
    }

    /** The outcomes written so far, in the enum's order, those never seen left out. */
    Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> seen = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            long n = outcomes.get(o.ordinal());
            if (n > 0) {
                seen.put(o, n);
            }
        }
        return seen;
    }

    /** Names with their result: written now, or by the run this one resumes. */
    long namesDone() {
        return written.get() + skipped.get();
    }

    /** The names the input holds, or -1 while unknown (standard input, or not counted yet). */
    long namesListed() {
        return listed.get();
    }
}
