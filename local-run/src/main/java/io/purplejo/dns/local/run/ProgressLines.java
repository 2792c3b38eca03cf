/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress as plain lines, for logs, pipes and CI: one line when the phase changes and one every
 * interval while it runs.
 */
public final class ProgressLines implements ProgressView {
    private final PrintStream out;
    private final Duration interval;
    private String lastPhase;
    private Duration lastShown;

    public ProgressLines(PrintStream out, Duration interval) {
        this.out = out;
        this.interval = interval;
    }

    @Override
    public void show(Reading r) {
        String phase = r.phase() + "/" + r.reason();
        boolean due = lastShown == null || r.elapsed().minus(lastShown).compareTo(interval) >= 0;
        if (!phase.equals(lastPhase) || due) {
            out.println(format(r));
            lastPhase = phase;
            lastShown = r.elapsed();
        }
    }

    static String format(Reading r) {
        return String.format(Locale.ROOT, "%7s %-10s ", seconds(r.elapsed()), r.phase())
                + r.counters()
                + (r.queue() < 0
                        ? " queue unknown"
                        : String.format(Locale.ROOT, " queue %,d", r.queue()));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        out.flush();
    }
}
