/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.rules.status.RateWindow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Progress as one line redrawn in place on a terminal: a bar of domains with an outcome, counters,
 * rate, ETA. The line never reaches the terminal's last column (a line that wraps cannot be redrawn
 * with a carriage return, and each redraw would leave one behind), narrower terminals get a shorter
 * bar and shorter counters, and the width is measured again now and then, for resized windows.
 */
public final class ProgressBar implements ProgressView {
    private static final int BAR = 28;
    private static final int NARROWEST_BAR = 6;

    /** Redraws between two measurements of the terminal (about five seconds). */
    private static final int MEASURE_EVERY = 10;

    /** ANSI: erase from the cursor to the end of the line. */
    private static final String ERASE_TO_END = "\033[K";

    /** The compact counters a narrow terminal drops, first to last. */
    private static final List<String> DROPPED_FIRST = List.of("failed", "rate", "ETA");

    private final PrintStream out;
    private final IntSupplier columns;
    private int width;
    private int shown;

    /**
     * @param columns the terminal's columns, read again every few seconds
     */
    public ProgressBar(PrintStream out, IntSupplier columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public void show(Reading r) {
        if (shown++ % MEASURE_EVERY == 0) {
            width = Math.max(1, columns.getAsInt() - 1);
        }
        out.print("\r" + render(r, width) + ERASE_TO_END);
        out.flush();
    }

    /** The line for this reading, at most {@code width} characters. */
    static String render(Reading r, int width) {
        Long total = r.total();
        double fraction =
                total == null || total == 0
                        ? (r.phase().finished() ? 1 : 0)
                        : Math.min(1.0, (double) r.done() / total);
        String status =
                String.format(
                        Locale.ROOT, " %3d%% %-10s", (int) Math.floor(fraction * 100), r.phase());
        String full = bar(fraction, BAR) + status + ' ' + r.counters();
        if (full.length() <= width) {
            return full;
        }
        String pct =
                String.format(
                        Locale.ROOT, " %3d%% %s", (int) Math.floor(fraction * 100), r.phase());
        // on a narrow terminal the failed count goes first, then the rate, then the ETA
        List<String> parts = new ArrayList<>(compact(r));
        String tail = pct + " " + String.join(" ", parts);
        for (String prefix : DROPPED_FIRST) {
            if (tail.length() <= width) {
                break;
            }
            parts.removeIf(part -> part.startsWith(prefix));
            tail = pct + " " + String.join(" ", parts);
        }
        int room = width - tail.length() - 2;
        String line =
                room >= NARROWEST_BAR ? bar(fraction, Math.min(BAR, room)) + tail : tail.strip();
        return line.length() > width ? line.substring(0, width) : line;
    }

    private static String bar(double fraction, int cells) {
        int filled = (int) Math.round(fraction * cells);
        return "[" + "#".repeat(filled) + ".".repeat(cells - filled) + "]";
    }

    /**
     * "450/1,000", "failed 50", "rate 120.5/s", "ETA 5s": the counters for a narrow terminal, in
     * the order shown.
     */
    private static List<String> compact(Reading r) {
        List<String> parts = new ArrayList<>();
        parts.add(
                String.format(Locale.ROOT, "%,d", r.done())
                        + (r.total() == null ? "" : String.format(Locale.ROOT, "/%,d", r.total())));
        if (r.failed() > 0) {
            parts.add(String.format(Locale.ROOT, "failed %,d", r.failed()));
        }
        if (r.rate() != null) {
            parts.add(String.format(Locale.ROOT, "rate %.1f/s", r.rate()));
        }
        if (r.eta() != null) {
            parts.add("ETA " + RateWindow.format(r.eta()));
        }
        return parts;
    }

    @Override
    public void close() {
        out.println();
        out.flush();
    }
}
