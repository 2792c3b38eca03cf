/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.backend.QueueReading;
import io.purplejo.dns.rules.status.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-run gauges beside JOSDK's own metrics: counts, queue, workers, rate, ETA and phase of each
 * run, labelled {@code namespace} and {@code run} (the run's own namespace: the chart's
 * ServiceMonitor honours it, as kube-state-metrics' does). An unknown value is NaN, never zero.
 */
public final class RunGauges {
    /** The label of the run's name on every per-run series. */
    public static final String RUN_LABEL = "run";

    private final MeterRegistry registry;
    private final Map<String, Reading> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    /** What the gauges show of a run: its status and, while it is active, its queue. */
    private record Reading(DnsExtractionRunStatus status, QueueReading queue) {}

    public RunGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a run's latest status and queue reading, registering its gauges the first time. */
    public void update(DnsExtractionRun run, DnsExtractionRunStatus status, QueueReading queue) {
        String key = run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
        latest.put(key, new Reading(status, queue));
        meters.computeIfAbsent(
                key,
                k ->
                        register(
                                k,
                                Tags.of(
                                        "namespace",
                                        run.getMetadata().getNamespace(),
                                        RUN_LABEL,
                                        run.getMetadata().getName())));
    }

    /** The run's domain counts, then the rest. */
    private List<Meter> register(String key, Tags tags) {
        List<Meter> m = new ArrayList<>();
        m.add(
                status(
                        "dnsx_run_selected_domains",
                        "domains the run's selection holds",
                        key,
                        tags,
                        s -> value(s.total)));
        m.add(
                status(
                        "dnsx_run_published_domains",
                        "domains published to the run's queue",
                        key,
                        tags,
                        s -> value(s.published)));
        m.add(
                status(
                        "dnsx_run_extracted_domains",
                        "domains extracted: a definite answer (records, no data or NXDOMAIN)",
                        key,
                        tags,
                        s -> value(s.extractedCount())));
        m.add(
                status(
                        "dnsx_run_resolved_domains",
                        "deprecated: dnsx_run_extracted_domains under its former name",
                        key,
                        tags,
                        s -> value(s.extractedCount())));
        m.add(
                status(
                        "dnsx_run_failed_domains",
                        "domains whose lookups failed (timeout, SERVFAIL, refused, ...)",
                        key,
                        tags,
                        s -> value(s.failed)));
        m.add(
                status(
                        "dnsx_run_done_domains",
                        "domains with an outcome: extracted plus failed",
                        key,
                        tags,
                        s -> value(s.doneCount())));
        m.addAll(registerWork(key, tags));
        return m;
    }

    /** The run's condition, queue, workers, rate and phase. */
    private List<Meter> registerWork(String key, Tags tags) {
        List<Meter> m = new ArrayList<>();
        m.add(
                status(
                        "dnsx_run_degraded",
                        "1 while the run's Degraded condition is True",
                        key,
                        tags,
                        s -> Conditions.isTrue(s.conditions, Conditions.DEGRADED) ? 1 : 0));
        m.add(
                status(
                        "dnsx_run_queue_messages",
                        "messages ready in the run's queue",
                        key,
                        tags,
                        s -> value(s.queueDepth)));
        m.add(
                gauge(
                        "dnsx_run_queue_consumers",
                        "workers consuming from the run's queue (unknown once finished)",
                        key,
                        tags,
                        r ->
                                r.queue() instanceof QueueReading.Known k
                                        ? k.consumers()
                                        : Double.NaN));
        m.add(
                gauge(
                        "dnsx_run_dead_lettered_messages",
                        "messages in the run's dead-letter queue (unknown once finished)",
                        key,
                        tags,
                        r ->
                                r.queue() instanceof QueueReading.Known k
                                        ? k.deadLettered()
                                        : Double.NaN));
        m.add(
                status(
                        "dnsx_run_workers_desired",
                        "worker replicas the operator asks for",
                        key,
                        tags,
                        s -> s.workers == null ? Double.NaN : value(s.workers.desired)));
        m.add(
                status(
                        "dnsx_run_workers_ready",
                        "worker replicas ready",
                        key,
                        tags,
                        s -> s.workers == null ? Double.NaN : value(s.workers.ready)));
        m.add(
                status(
                        "dnsx_run_domains_per_second",
                        "domains done per second over the last two minutes",
                        key,
                        tags,
                        s -> s.rate == null ? Double.NaN : Double.parseDouble(s.rate)));
        m.add(
                status(
                        "dnsx_run_eta_seconds",
                        "time left at the current rate",
                        key,
                        tags,
                        RunGauges::etaSeconds));
        for (RunPhase p : RunPhase.values()) {
            m.add(
                    status(
                            "dnsx_run_phase",
                            "1 for the run's phase, 0 for the others",
                            key,
                            tags.and("phase", p.name()),
                            s -> s.phase == p ? 1 : 0));
        }
        return m;
    }

    /** Seconds left at the current rate; NaN when the rate or the counts are unknown. */
    static double etaSeconds(DnsExtractionRunStatus s) {
        Long done = s.doneCount();
        if (s.rate == null || s.total == null || done == null) {
            return Double.NaN;
        }
        double rate = Double.parseDouble(s.rate);
        if (!(rate > 0)) {
            return Double.NaN;
        }
        return Math.max(0, s.total - done) / rate;
    }

    private Meter status(
            String name,
            String help,
            String key,
            Tags tags,
            ToDoubleFunction<DnsExtractionRunStatus> f) {
        return gauge(name, help, key, tags, r -> f.applyAsDouble(r.status()));
    }

    private Meter gauge(
            String name, String help, String key, Tags tags, ToDoubleFunction<Reading> f) {
        return Gauge.builder(
                        name,
                        latest,
                        l -> {
                            Reading r = l.get(key);
                            return r == null ? Double.NaN : f.applyAsDouble(r);
                        })
                .description(help)
                .tags(tags)
                .register(registry);
    }

    /** Unknown is NaN (Prometheus shows no sample), never zero. */
    private static double value(Number n) {
        return n == null ? Double.NaN : n.doubleValue();
    }

    /** Drops a deleted run's gauges. */
    public void remove(DnsExtractionRun run) {
        String key = run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
        latest.remove(key);
        List<Meter> m = meters.remove(key);
        if (m != null) {
            m.forEach(registry::remove);
        }
    }
}
