/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.config.PublisherOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.health.HealthServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run's spec tells the publisher and the workers, as the plain environment variables of
 * their commands (credentials and pod-only values aside). The one translation of a spec into
 * settings: the Job and the Deployment carry it, and the one-machine run ({@code dns-extraction.jar
 * run}) passes the same values to the same commands in-process.
 */
public final class RunEnvironment {
    /** Worker drain time (its --grace-period) on SIGTERM or at the end of a run. */
    public static final int DRAIN_SECONDS = 30;

    /** The publisher's queue-depth limit never goes below this many messages. */
    static final long MIN_QUEUE_DEPTH = 1000;

    /**
     * Messages queued per worker the run may have, over what one worker holds: twice, so that a
     * worker finishing its share finds the next one waiting while the publisher refills.
     */
    static final int QUEUED_SHARES_PER_WORKER = 2;

    private RunEnvironment() {}

    /**
     * Enough queued work for every worker the run may have, so that back-pressure never starves
     * them.
     */
    static long maxQueueDepth(DnsExtractionRunSpec spec) {
        return Math.max(
                MIN_QUEUE_DEPTH,
                (long) spec.workers.maxWorkers
                        * spec.workers.messagesPerWorker
                        * QUEUED_SHARES_PER_WORKER);
    }

    /**
     * The publisher's settings for this run (no stop messages: the run ends on its counters, not on
     * them).
     */
    public static Map<String, String> publisher(DnsExtractionRun run) {
        DnsExtractionRunSpec spec = run.getSpec();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(PublisherOptions.RUN_NAME.envVar(), RunNames.runKey(run));
        env.put(PublisherOptions.RUN_UID.envVar(), RunNames.runUid(run));
        env.put(WorkerOptions.QUEUE_NAME.envVar(), RunNames.queue(run));
        env.put(PublisherOptions.WORKER_COUNT.envVar(), "0");
        env.put(
                PublisherOptions.OUTAGE_TOLERANCE.envVar(),
                String.valueOf(spec.outageToleranceSeconds));
        if (spec.outcomeRetentionDays != null) {
            env.put(
                    PublisherOptions.OUTCOME_RETENTION_DAYS.envVar(),
                    String.valueOf(spec.outcomeRetentionDays));
        }
        env.put(SharedOptions.RECORD_TYPES.envVar(), recordTypes(spec));
        DomainSelection sel = spec.selection;
        env.put(
                PublisherOptions.SELECT.envVar(),
                switch (sel.mode) {
                    case All -> "all";
                    case NeverExtracted -> "never-extracted";
                    case NotExtractedSince, NotExtractedWithin -> "not-extracted-since";
                    case FailuresOf -> "failures-of";
                });
        if (sel.failuresOf != null) {
            // dnsx_runs.name is the run's key: its namespace and name
            env.put(
                    PublisherOptions.FAILURES_OF.envVar(),
                    RunNames.runKey(run.getMetadata().getNamespace(), sel.failuresOf));
        }
        String since = SelectionWindow.since(run);
        if (since != null) {
            env.put(PublisherOptions.SINCE.envVar(), since);
        }
        if (sel.suffixes != null && !sel.suffixes.isEmpty()) {
            env.put(PublisherOptions.SUFFIXES.envVar(), String.join(",", sel.suffixes));
        }
        if (sel.domains != null && !sel.domains.isEmpty()) {
            env.put(PublisherOptions.DOMAINS.envVar(), String.join(",", sel.domains));
        }
        if (sel.limit != null) {
            env.put(PublisherOptions.LIMIT.envVar(), String.valueOf(sel.limit));
        }
        env.put(PublisherOptions.MAX_QUEUE_DEPTH.envVar(), String.valueOf(maxQueueDepth(spec)));
        return env;
    }

    /** A worker's settings for this run. */
    public static Map<String, String> worker(DnsExtractionRun run) {
        DnsExtractionRunSpec spec = run.getSpec();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(WorkerOptions.QUEUE_NAME.envVar(), RunNames.queue(run));
        env.put(WorkerOptions.CONCURRENCY.envVar(), String.valueOf(spec.workers.concurrency));
        env.put(WorkerOptions.PREFETCH.envVar(), String.valueOf(spec.workers.prefetch));
        env.put(WorkerOptions.DNS_TIMEOUT.envVar(), String.valueOf(spec.resolvers.timeoutSeconds));
        env.put(WorkerOptions.DNS_RETRIES.envVar(), String.valueOf(spec.resolvers.retries));
        env.put(
                WorkerOptions.RESOLVER_QPS.envVar(),
                String.valueOf(spec.resolvers.queriesPerSecondPerResolver));
        env.put(SharedOptions.RECORD_TYPES.envVar(), recordTypes(spec));
        env.put(WorkerOptions.GRACE_PERIOD.envVar(), String.valueOf(DRAIN_SECONDS));
        env.put(WorkerOptions.METRICS_PORT.envVar(), String.valueOf(HealthServer.WORKER_PORT));
        if (spec.resolvers.servers != null && !spec.resolvers.servers.isEmpty()) {
            env.put(WorkerOptions.RESOLVERS.envVar(), String.join(",", spec.resolvers.servers));
        }
        return env;
    }

    private static String recordTypes(DnsExtractionRunSpec spec) {
        return spec.recordTypes.stream().map(RecordType::name).collect(Collectors.joining(","));
    }
}
