/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Redraws {@code resolve}'s statistics line on a terminal once a second, in place; the rate is the
 * last five seconds', so that a slow start or a slowing resolver shows. Cleared when closed, so
 * that the final summary stands alone.
 */
final class LiveStatistics implements AutoCloseable {
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int REDRAWS_PER_WIDTH = 10;

    private final ResolveTally tally;
    private final PrintStream terminal;
    private final IntSupplier columns;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final Thread thread;
    private boolean drawn;

    LiveStatistics(ResolveTally tally, PrintStream terminal, IntSupplier columns) {
        this.tally = tally;
        this.terminal = terminal;
        this.columns = columns;
        this.thread = new Thread(this::redrawUntilClosed, "resolve-statistics");
        thread.setDaemon(true);
        samples.add(new long[] {System.nanoTime(), tally.namesWritten()});
    }

    LiveStatistics start() {
        thread.start();
        return this;
    }

    private void redrawUntilClosed() {
        int width = columns.getAsInt();
        try {
            for (int n = 1; !stop.await(1, TimeUnit.SECONDS); n++) {
                if (n % REDRAWS_PER_WIDTH == 0) {
                    width = columns.getAsInt(); // the window may have been resized
                }
                draw(width);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw(int width) {
        long now = System.nanoTime();
        long done = tally.namesWritten();
        samples.addLast(new long[] {now, done});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        double seconds = (now - oldest[0]) / 1e9;
        double rate = seconds > 0 ? (done - oldest[1]) / seconds : 0;
        String line =
                StatisticsLine.render(
                        new StatisticsLine.Figures(
                                tally.namesDone(), tally.namesListed(), rate, tally.outcomes()),
                        width);
        terminal.print("\r" + line + "\033[K");
        terminal.flush();
        drawn = true;
    }

    /** Stops redrawing and clears the line. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                terminal.print("\r\033[K");
                terminal.flush();
                drawn = false;
            }
        }
    }
}
