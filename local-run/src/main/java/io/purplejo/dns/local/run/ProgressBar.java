/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as one line redrawn in place on a terminal: a bar of domains with an outcome, counters,
 * rate, ETA.
 */
public final class ProgressBar implements ProgressView {
    private static final int BAR = 28;

    private final PrintStream out;
    private final int width;
    private int lastLength;

    public ProgressBar(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public void show(Reading r) {
        String line = render(r, width);
        // pad over what the previous, longer line left on the screen
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    static String render(Reading r, int width) {
        Long total = r.total();
        double fraction =
                total == null || total == 0
                        ? (r.phase().finished() ? 1 : 0)
                        : Math.min(1.0, (double) r.done() / total);
        int filled = (int) Math.round(fraction * BAR);
        StringBuilder sb = new StringBuilder();
        sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append(']');
        sb.append(
                String.format(
                        Locale.ROOT, " %3d%% %-10s", (int) Math.floor(fraction * 100), r.phase()));
        sb.append(' ').append(r.counters());
        return sb.length() > width ? sb.substring(0, width) : sb.toString();
    }

    @Override
    public void close() {
        out.println();
        out.flush();
    }
}
