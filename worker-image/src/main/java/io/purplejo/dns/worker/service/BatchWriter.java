/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.InFlightLimiter;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.TypeAnswer;
import io.purplejo.dns.worker.metrics.WorkerMetrics;
import io.purplejo.dns.worker.store.RecordWriter;
import io.purplejo.dns.worker.store.ResolvedDomain;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects resolved domains into batches and commits each in one transaction, then reports each
 * domain settled to its message (which acknowledges itself after its last). Up to {@code
 * --batch-writers} batches are committed at once, each on its own connection, so that the worker
 * builds one batch while PostgreSQL writes another. A lost database is waited out with backoff
 * (nothing is acknowledged meanwhile); a batch the database refuses for its data is split until the
 * one domain at fault is found, which is dead-lettered with the error so the rest of the batch is
 * stored.
 */
final class BatchWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final Logger RECORDS = LoggerFactory.getLogger("io.purplejo.dns.records");

    private final Queue<DomainAwaitingWrite> completed = new ConcurrentLinkedQueue<>();

    /** The writers not committing a batch now; the collector waits for one. */
    private final BlockingQueue<RecordWriter> idleWriters;

    private final ExecutorService commits;
    private final InFlightLimiter limiter;
    private final WorkerMetrics metrics;
    private final int batchSize;
    private final long batchDelayNanos;
    private final boolean logRecords;
    private volatile boolean stopping;
    private volatile long giveUpAt = Long.MAX_VALUE;
    private volatile boolean databaseHealthy = true;
    private volatile boolean broken;

    /**
     * @param writers one per batch committed at once ({@code --batch-writers}), each adding to its
     *     own counter shard
     */
    BatchWriter(
            List<RecordWriter> writers,
            InFlightLimiter limiter,
            WorkerMetrics metrics,
            WorkerSettings settings) {
        this.idleWriters = new ArrayBlockingQueue<>(writers.size(), false, writers);
        this.commits =
                Executors.newFixedThreadPool(
                        writers.size(),
                        r -> {
                            Thread t = new Thread(r, "batch-commit");
                            t.setDaemon(true);
                            return t;
                        });
        this.limiter = limiter;
        this.metrics = metrics;
        this.batchSize = batchSize(settings.batchSize(), settings.concurrency(), writers.size());
        this.batchDelayNanos = settings.batchDelay().toNanos();
        this.logRecords = settings.logRecords();
    }

    /**
     * Domains hold their concurrency permit until committed, so while every writer commits a batch
     * the next one must still be able to fill: a batch is at most the permits shared among the
     * writers and the batch being collected.
     */
    static int batchSize(int maxBatch, int concurrency, int writers) {
        return Math.max(1, Math.min(maxBatch, concurrency / (writers + 1)));
    }

    /** Called from the DNS loop: hands a resolved domain over without blocking. */
    void add(DomainAwaitingWrite d) {
        completed.add(d);
    }

    /** Flush everything promptly from now on; stop retrying a lost database at the given time. */
    void stop(long giveUpAtNanos) {
        this.giveUpAt = giveUpAtNanos;
        this.stopping = true;
    }

    boolean databaseHealthy() {
        return databaseHealthy;
    }

    @Override
    public void run() {
        try {
            collect();
        } finally {
            // interrupts a commit still under way only when the drain did not wait for it (the
            // grace period is over, or a bug stopped the writer)
            commits.shutdownNow();
        }
    }

    private void collect() {
        List<DomainAwaitingWrite> batch = new ArrayList<>(batchSize);
        long firstAt = 0;
        while (true) {
            DomainAwaitingWrite d;
            while (batch.size() < batchSize && (d = completed.poll()) != null) {
                if (batch.isEmpty()) {
                    firstAt = System.nanoTime();
                }
                batch.add(d);
            }
            boolean due =
                    batch.size() >= batchSize
                            || (!batch.isEmpty()
                                    && (stopping
                                            || System.nanoTime() - firstAt >= batchDelayNanos));
            if (due) {
                if (!commit(batch)) {
                    return;
                }
                batch = new ArrayList<>(batchSize);
                continue;
            }
            if (stopping && batch.isEmpty() && completed.isEmpty() && limiter.inFlight() == 0) {
                // every domain is settled; the last commit may still be handing its writer back
                awaitCommits();
                return;
            }
            if (Thread.currentThread().isInterrupted() || broken) {
                return;
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** Waits for the commits under way to end; interrupted when the grace period is over. */
    private void awaitCommits() {
        commits.shutdown();
        try {
            commits.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands the batch to a free writer, waiting for one; false when interrupted (the grace period
     * is over: the batch stays unacknowledged and is redelivered).
     */
    private boolean commit(List<DomainAwaitingWrite> batch) {
        RecordWriter writer;
        try {
            writer = idleWriters.take();
        } catch (InterruptedException e) {
            return false;
        }
        commits.execute(
                () -> {
                    try {
                        flush(writer, batch);
                    } catch (RuntimeException | Error e) {
                        // a bug, not a database problem: stop collecting, so that the liveness
                        // probe fails and the pod restarts; unacknowledged messages are redelivered
                        LOG.error("a batch commit failed unexpectedly; the batch writer stops", e);
                        broken = true;
                    } finally {
                        idleWriters.add(writer);
                    }
                });
        return true;
    }

    private void flush(RecordWriter writer, List<DomainAwaitingWrite> batch) {
        long start = System.nanoTime();
        try {
            IdentityHashMap<ResolvedDomain, String> refused = new IdentityHashMap<>();
            boolean stored = writeWithRetry(writer, batch, refused);
            metrics.batchWrite().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            // not committed: the messages stay unacknowledged and are redelivered
            if (stored) {
                for (DomainAwaitingWrite c : batch) {
                    String reason = refused.get(c.domain());
                    if (reason != null) {
                        // unsettled when the copy is not confirmed: redelivered, refused again
                        if (deadLetter(c, reason)) {
                            c.message().domainSettled();
                        }
                        continue;
                    }
                    metrics.domainStored(c.domain().resolution());
                    if (logRecords) {
                        logRecords(c.domain().resolution());
                    }
                    c.message().domainSettled();
                }
            }
        } finally {
            // after settling: no permits in flight means every message's fate is decided (the
            // drain waits for that)
            limiter.release(batch.size());
        }
    }

    /**
     * True when the batch is committed (or its faulty domains dead-lettered), false when given up.
     */
    private boolean writeWithRetry(
            RecordWriter writer,
            List<DomainAwaitingWrite> batch,
            Map<ResolvedDomain, String> refused) {
        long backoffMillis = 100;
        while (true) {
            try {
                RecordWriter.WriteResult r =
                        writer.write(batch.stream().map(DomainAwaitingWrite::domain).toList());
                metrics.recordsWritten(r.recordsWritten());
                refused.putAll(r.refused());
                if (!databaseHealthy) {
                    LOG.info("PostgreSQL writes succeed again");
                }
                databaseHealthy = true;
                return true;
            } catch (SQLException e) {
                if (isTransient(e)) {
                    if (databaseHealthy) {
                        LOG.warn(
                                "PostgreSQL write failed, retrying with backoff (nothing is acknowledged meanwhile): {}",
                                e.getMessage());
                    }
                    databaseHealthy = false;
                    if (System.nanoTime() - giveUpAt > 0) {
                        LOG.warn(
                                "giving up on {} domains at shutdown; their messages will be redelivered",
                                batch.size());
                        return false;
                    }
                    LockSupport.parkNanos(backoffMillis * 1_000_000);
                    backoffMillis = Math.min(backoffMillis * 2, 5_000);
                    continue;
                }
                return isolateFault(writer, batch, refused, e);
            } catch (RuntimeException e) {
                return isolateFault(
                        writer, batch, refused, new SQLException(e.toString(), "XX000", e));
            }
        }
    }

    private boolean isolateFault(
            RecordWriter writer,
            List<DomainAwaitingWrite> batch,
            Map<ResolvedDomain, String> refused,
            SQLException e) {
        if (batch.size() == 1) {
            return deadLetter(batch.get(0), "database refused the domain: " + e.getMessage());
        }
        int half = batch.size() / 2;
        boolean first = writeWithRetry(writer, batch.subList(0, half), refused);
        boolean second = writeWithRetry(writer, batch.subList(half, batch.size()), refused);
        return first && second;
    }

    /** Sends one domain to the dead-letter queue with the reason; true once confirmed. */
    private boolean deadLetter(DomainAwaitingWrite c, String reason) {
        LOG.error("dead-lettering domain '{}': {}", c.domain().resolution().input(), reason);
        metrics.deadLettered();
        return c.message().deadLetterDomain(c.domain(), reason);
    }

    /**
     * Connection and resource failures, serialization failures and deadlocks are worth retrying as
     * they are.
     */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return true;
        }
        return state.startsWith("08")
                || state.startsWith("40")
                || state.startsWith("53")
                || state.startsWith("57")
                || state.equals("55P03")
                || e instanceof java.sql.SQLTransientException
                || e instanceof java.sql.SQLRecoverableException;
    }

    private static void logRecords(DomainResolution r) {
        StringBuilder sb = new StringBuilder();
        for (TypeAnswer a : r.answers().values()) {
            sb.append(' ').append(RecordTypes.name(a.type())).append('=');
            if (a.values().isEmpty()) {
                sb.append(a.outcome().dbName());
            } else {
                sb.append(
                        String.join(
                                "|",
                                a.values().stream().map(v -> v == null ? "<binary>" : v).toList()));
            }
        }
        RECORDS.info(
                "{} {}{}",
                r.name() == null ? r.input() : r.name().stored(),
                r.outcome().dbName(),
                sb);
    }
}
