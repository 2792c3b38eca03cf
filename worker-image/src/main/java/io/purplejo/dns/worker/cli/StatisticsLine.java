/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.outcome.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live statistics line of {@code resolve} on a terminal, fitted to its width: what matters
 * first (names done, rate, ETA), then the outcomes by kind as long as they fit; never the last
 * column, where a terminal wraps and a redraw would leave a line behind.
 */
final class StatisticsLine {
    private StatisticsLine() {}

    /**
     * What one redraw shows.
     *
     * @param done names with their result (this run's and a resumed run's)
     * @param total the names of the input, or -1 while unknown
     * @param namesPerSecond this run's recent rate
     */
    record Figures(long done, long total, double namesPerSecond, Map<Outcome, Long> outcomes) {}

    static String render(Figures f, int columns) {
        int room = Math.max(20, columns - 1);
        String head =
                f.total() > 0
                        ? String.format(
                                Locale.ROOT, "resolve: %,d of %,d names", f.done(), f.total())
                        : String.format(Locale.ROOT, "resolve: %,d names", f.done());
        List<String> optional = new ArrayList<>();
        optional.add(String.format(Locale.ROOT, "%,.0f/s", f.namesPerSecond()));
        if (f.total() > 0 && f.namesPerSecond() > 0) {
            long left = Math.max(0, f.total() - f.done());
            optional.add("ETA " + clock(Math.round(left / f.namesPerSecond())));
        }
        f.outcomes()
                .forEach(
                        (o, n) ->
                                optional.add(String.format(Locale.ROOT, "%s %,d", o.dbName(), n)));
        StringBuilder line = new StringBuilder(head);
        for (String part : optional) {
            if (line.length() + 2 + part.length() > room) {
                break;
            }
            line.append("  ").append(part);
        }
        return line.length() > room ? line.substring(0, room) : line.toString();
    }

    /** Seconds as h:mm:ss, or m:ss under an hour. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
