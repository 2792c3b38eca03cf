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
import io.purplejo.dns.rules.status.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-run gauges beside JOSDK's own metrics: counters, queue depth, workers, rate and phase of each
 * run.
 */
public final class RunGauges {
    private final MeterRegistry registry;
    private final Map<String, DnsExtractionRunStatus> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    public RunGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a run's latest status, registering its gauges the first time. */
    public void update(DnsExtractionRun run, DnsExtractionRunStatus status) {
        String key = run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
        latest.put(key, status);
        meters.computeIfAbsent(
                key,
                k ->
                        register(
                                k,
                                Tags.of(
                                        "namespace",
                                        run.getMetadata().getNamespace(),
                                        "name",
                                        run.getMetadata().getName())));
    }

    private List<Meter> register(String key, Tags tags) {
        List<Meter> m = new ArrayList<>();
        m.add(gauge("dnsx_run_total", key, tags, s -> value(s.total)));
        m.add(gauge("dnsx_run_published", key, tags, s -> value(s.published)));
        m.add(gauge("dnsx_run_resolved", key, tags, s -> value(s.resolved)));
        m.add(gauge("dnsx_run_failed", key, tags, s -> value(s.failed)));
        m.add(
                gauge(
                        "dnsx_run_done",
                        key,
                        tags,
                        s ->
                                s.resolved == null || s.failed == null
                                        ? Double.NaN
                                        : s.resolved + s.failed));
        m.add(
                gauge(
                        "dnsx_run_degraded",
                        key,
                        tags,
                        s -> Conditions.isTrue(s.conditions, Conditions.DEGRADED) ? 1 : 0));
        m.add(gauge("dnsx_run_queue_depth", key, tags, s -> value(s.queueDepth)));
        m.add(
                gauge(
                        "dnsx_run_workers_desired",
                        key,
                        tags,
                        s -> s.workers == null ? Double.NaN : value(s.workers.desired)));
        m.add(
                gauge(
                        "dnsx_run_workers_ready",
                        key,
                        tags,
                        s -> s.workers == null ? Double.NaN : value(s.workers.ready)));
        m.add(
                gauge(
                        "dnsx_run_rate",
                        key,
                        tags,
                        s -> s.rate == null ? Double.NaN : Double.parseDouble(s.rate)));
        for (RunPhase p : RunPhase.values()) {
            m.add(
                    gauge(
                            "dnsx_run_phase",
                            key,
                            tags.and("phase", p.name()),
                            s -> s.phase == p ? 1 : 0));
        }
        return m;
    }

    private Meter gauge(
            String name, String key, Tags tags, ToDoubleFunction<DnsExtractionRunStatus> f) {
        return Gauge.builder(
                        name,
                        latest,
                        l -> {
                            DnsExtractionRunStatus s = l.get(key);
                            return s == null ? Double.NaN : f.applyAsDouble(s);
                        })
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
