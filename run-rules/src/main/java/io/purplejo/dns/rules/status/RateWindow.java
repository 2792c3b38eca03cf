/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Domains per second over a moving window of progress samples, and the time left at that rate. One
 * per run, in memory: after an operator restart the window fills again within a few
 * reconciliations.
 */
public final class RateWindow {
    private record Sample(Instant at, long done) {}

    private final Duration window;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    public RateWindow(Duration window) {
        this.window = window;
    }

    public synchronized void add(Instant at, long done) {
        if (!samples.isEmpty() && done < samples.peekLast().done()) {
            samples.clear(); // counters went back (a new run under the same name): start over
        }
        samples.addLast(new Sample(at, done));
        while (samples.size() > 2
                && Duration.between(samples.peekFirst().at(), at).compareTo(window) > 0) {
            samples.pollFirst();
        }
    }

    /** Domains per second over the window, or null with fewer than two samples. */
    public synchronized Double rate() {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double secs = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
        return secs <= 0 ? null : (last.done() - first.done()) / secs;
    }

    /**
     * Time left for {@code remaining} domains at the current rate, as "1h2m3s", or null when
     * unknown.
     */
    public Duration eta(long remaining) {
        Double r = rate();
        if (r == null || r <= 0) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil(remaining / r));
    }

    public static String format(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.toSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
        }
        if (s >= 60) {
            sb.append((s % 3600) / 60).append('m');
        }
        sb.append(s % 60).append('s');
        return sb.toString();
    }
}
