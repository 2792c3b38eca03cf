/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RecordType;
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

    /** The port of the worker's /metrics, /healthz and /readyz. */
    public static final int METRICS_PORT = HealthServer.WORKER_PORT;

    private RunEnvironment() {}

    /**
     * The publisher's settings for this run (no stop messages: the run ends on its counters, not on
     * them).
     */
    public static Map<String, String> publisher(DnsExtractionRun run) {
        DnsExtractionRunSpec spec = run.getSpec();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RUN_NAME", RunNames.runKey(run));
        env.put("RUN_UID", RunNames.runUid(run));
        env.put("QUEUE_NAME", RunNames.queue(run));
        env.put("WORKER_COUNT", "0");
        env.put("OUTAGE_TOLERANCE_SECONDS", String.valueOf(spec.outageToleranceSeconds));
        if (spec.outcomeRetentionDays != null) {
            env.put("OUTCOME_RETENTION_DAYS", String.valueOf(spec.outcomeRetentionDays));
        }
        env.put("DNS_RECORD_TYPES", recordTypes(spec));
        DomainSelection sel = spec.selection;
        env.put(
                "SELECTION_MODE",
                switch (sel.mode) {
                    case All -> "all";
                    case NeverExtracted -> "never-extracted";
                    case NotExtractedSince -> "not-extracted-since";
                });
        if (sel.notExtractedSince != null) {
            env.put("SELECTION_SINCE", sel.notExtractedSince);
        }
        if (sel.suffixes != null && !sel.suffixes.isEmpty()) {
            env.put("SELECTION_SUFFIXES", String.join(",", sel.suffixes));
        }
        if (sel.domains != null && !sel.domains.isEmpty()) {
            env.put("SELECTION_DOMAINS", String.join(",", sel.domains));
        }
        if (sel.limit != null) {
            env.put("SELECTION_LIMIT", String.valueOf(sel.limit));
        }
        // enough queued work for every worker the run may have, so that back-pressure never starves
        // them
        env.put(
                "MAX_QUEUE_DEPTH",
                String.valueOf(
                        Math.max(
                                1000,
                                (long) spec.workers.maxWorkers
                                        * spec.workers.messagesPerWorker
                                        * 2)));
        return env;
    }

    /** A worker's settings for this run. */
    public static Map<String, String> worker(DnsExtractionRun run) {
        DnsExtractionRunSpec spec = run.getSpec();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUEUE_NAME", RunNames.queue(run));
        env.put("CONCURRENCY", String.valueOf(spec.workers.concurrency));
        env.put("PREFETCH", String.valueOf(spec.workers.prefetch));
        env.put("DNS_TIMEOUT", String.valueOf(spec.resolvers.timeoutSeconds));
        env.put("DNS_RETRIES", String.valueOf(spec.resolvers.retries));
        env.put("DNS_RESOLVER_QPS", String.valueOf(spec.resolvers.queriesPerSecondPerResolver));
        env.put("DNS_RECORD_TYPES", recordTypes(spec));
        env.put("GRACE_PERIOD", String.valueOf(DRAIN_SECONDS));
        env.put("METRICS_PORT", String.valueOf(METRICS_PORT));
        if (spec.resolvers.servers != null && !spec.resolvers.servers.isEmpty()) {
            env.put("DNS_RESOLVERS", String.join(",", spec.resolvers.servers));
        }
        return env;
    }

    private static String recordTypes(DnsExtractionRunSpec spec) {
        return spec.recordTypes.stream().map(RecordType::name).collect(Collectors.joining(","));
    }
}
