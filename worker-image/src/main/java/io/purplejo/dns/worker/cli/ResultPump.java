/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.resolve.DomainResolution;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Carries results from the DNS client's loop thread to the output on a thread of its own, so that a
 * slow disk never holds up the loop. Flushes at least once a second, so that an interrupted run
 * loses at most a second of results (resolved again on resume), and always between whole results.
 */
final class ResultPump {
    /** The end marker: compared by identity, as no resolution is this instance. */
    private static final DomainResolution END = DomainResolution.invalid("", "end");

    private static final long FLUSH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ResultWriter writer;
    private final ResolveTally tally;
    private final Queue<DomainResolution> done = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    /** {@code continuing}: the output already holds an earlier run's results. */
    ResultPump(ResultFormat format, OutputStream out, boolean continuing, ResolveTally tally)
            throws IOException {
        this.writer =
                format.open(
                        new BufferedWriter(
                                new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                        continuing);
        this.tally = tally;
        this.thread = new Thread(this::pump, "resolve-writer");
        // a writer that dies must fail the command: every name read is owed its result
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    }

    void start() {
        thread.start();
    }

    /** A result; called on the DNS client's loop thread, or the reader's for an invalid name. */
    void add(DomainResolution r) {
        done.add(r);
    }

    boolean failed() {
        return failure.get() != null;
    }

    Throwable failure() {
        Throwable f = failure.get();
        return f instanceof java.io.UncheckedIOException u ? u.getCause() : f;
    }

    /** Writes what is left once every name has its result, and waits for the writer. */
    void finish() throws InterruptedException {
        done.add(END);
        thread.join();
    }

    /**
     * Writes the results already in hand, whole, and stops: for an interruption, so that the output
     * ends between two results. Waits at most the given time.
     */
    void stopNow(long waitMillis) throws InterruptedException {
        stopping.set(true);
        thread.join(waitMillis);
    }

    private void pump() {
        try {
            long lastFlush = System.nanoTime();
            while (true) {
                DomainResolution r = done.poll();
                if (r == null) {
                    if (stopping.get()) {
                        break;
                    }
                    if (System.nanoTime() - lastFlush > FLUSH_EVERY_NANOS) {
                        writer.flush();
                        lastFlush = System.nanoTime();
                    }
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                if (isEnd(r)) {
                    break;
                }
                writer.write(r);
                tally.written(r.outcome());
            }
            writer.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings(
            "ReferenceEquality") // END is a marker instance, never equal to a real resolution
    private static boolean isEnd(DomainResolution r) {
        return r == END;
    }
}
