/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code resolve} does on Ctrl-C or SIGTERM while it runs: writes the results in hand, whole,
 * clears the statistics line and says what the output holds and how to continue; the JVM then exits
 * 130 (143 for SIGTERM).
 */
final class Interruption {
    private static final long WRITER_WAIT_MILLIS = 5_000;

    private final ResultPump pump;
    private final ResolveTally tally;
    private final Path output;
    private final PrintStream stderr;
    private final Thread hook = new Thread(this::onShutdown, "resolve-interrupted");
    private volatile LiveStatistics live;
    private volatile boolean armed;

    Interruption(ResultPump pump, ResolveTally tally, Path output, PrintStream stderr) {
        this.pump = pump;
        this.tally = tally;
        this.output = output;
        this.stderr = stderr;
    }

    /** The statistics line to clear before the message. */
    void clearsFirst(LiveStatistics line) {
        this.live = line;
    }

    void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
        armed = true;
    }

    /** The run ended by itself: nothing to do on shutdown. */
    void disarm() {
        if (!armed) {
            return;
        }
        armed = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs, and finds the run ended
        }
    }

    private void onShutdown() {
        if (!armed) {
            return;
        }
        try {
            pump.stopNow(WRITER_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LiveStatistics line = live;
        if (line != null) {
            line.close();
        }
        stderr.println(message(tally.namesWritten(), tally.namesRead(), output));
        stderr.flush();
    }

    /** What the person who interrupted the run learns. */
    static String message(long written, long read, Path output) {
        String head =
                String.format(
                        Locale.ROOT,
                        "resolve: interrupted: %d of the %d names read have their result",
                        written,
                        read);
        return output == null
                ? head + " on standard output"
                : head
                        + " in "
                        + output
                        + "; the same command with --resume continues where this one stopped";
    }
}
