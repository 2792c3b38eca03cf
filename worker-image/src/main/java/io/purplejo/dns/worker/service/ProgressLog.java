/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.ClientStatistics;
import io.purplejo.dns.worker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's progress line every ten seconds (domains and queries, with their rates, in flight,
 * queue depth, outcomes); reading the queue depth for it also sets the depth gauge.
 */
final class ProgressLog {
    // under the worker's name, where its progress lines have always been
    private static final Logger LOG = LoggerFactory.getLogger(WorkerService.class);
    private static final long EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final WorkerMetrics metrics;
    private final ClientStatistics dns;
    private final IntSupplier inFlight;
    private final LongSupplier queueDepth;
    private long lastAt;
    private long lastDone;
    private long lastQueries;

    /**
     * @param queueDepth messages in the queue, or -1 when it cannot be read now
     */
    ProgressLog(
            WorkerMetrics metrics,
            ClientStatistics dns,
            IntSupplier inFlight,
            LongSupplier queueDepth,
            long startNanos) {
        this.metrics = metrics;
        this.dns = dns;
        this.inFlight = inFlight;
        this.queueDepth = queueDepth;
        this.lastAt = startNanos;
    }

    /** Logs a progress line when ten seconds passed since the last one. */
    void logIfDue(long now) {
        if (now - lastAt < EVERY_NANOS) {
            return;
        }
        long done = metrics.domainsDone.sum();
        long queries = dns.queriesSent();
        double secs = (now - lastAt) / 1e9;
        long depth = queueDepth.getAsLong();
        metrics.queueDepth(depth);
        StringBuilder outcomes = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            outcomes.append(", ").append(o.dbName()).append(' ').append(metrics.count(o));
        }
        LOG.info(
                "progress: {} domains ({}/s), {} queries ({}/s), {} in flight, queue {}{}",
                done,
                Math.round((done - lastDone) / secs),
                queries,
                Math.round((queries - lastQueries) / secs),
                inFlight.getAsInt(),
                depth,
                outcomes);
        lastAt = now;
        lastDone = done;
        lastQueries = queries;
    }
}
