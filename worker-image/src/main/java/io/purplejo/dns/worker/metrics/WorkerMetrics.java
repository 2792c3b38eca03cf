/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.purplejo.dns.lookup.RecordTypeNames;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.ClientStatistics;
import io.purplejo.dns.resolve.DnsClient;
import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.ResolverState;
import io.purplejo.dns.resolve.TypeAnswer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The worker's Prometheus metrics, and the totals its progress line reports. */
public final class WorkerMetrics {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Outcome, Counter> domains = new EnumMap<>(Outcome.class);

    /**
     * dnsx_lookups counters by record type code, then outcome: found without building a key per
     * lookup (seven per domain, on the batch writers' threads; two racing to add a type register
     * the same counters, as the registry keeps one per name and tags).
     */
    private final Map<Integer, Counter[]> lookups = new ConcurrentHashMap<>();

    private static final java.time.Duration[] BATCH_WRITE_BUCKETS = {
        java.time.Duration.ofMillis(5),
        java.time.Duration.ofMillis(10),
        java.time.Duration.ofMillis(25),
        java.time.Duration.ofMillis(50),
        java.time.Duration.ofMillis(100),
        java.time.Duration.ofMillis(250),
        java.time.Duration.ofMillis(500),
        java.time.Duration.ofSeconds(1),
        java.time.Duration.ofMillis(2500),
        java.time.Duration.ofSeconds(5),
        java.time.Duration.ofSeconds(10)
    };

    private final Timer batchWrite;
    private final Counter recordsWritten;
    private final Counter deadLettered;
    private final Timer queueLag;
    private final AtomicLong queueDepth = new AtomicLong(-1);
    public final LongAdder domainsDone = new LongAdder();

    public WorkerMetrics() {
        for (Outcome o : Outcome.values()) {
            domains.put(
                    o,
                    Counter.builder("dnsx_domains")
                            .tag("outcome", o.dbName())
                            .description("domains resolved and stored, by outcome")
                            .register(registry));
        }
        batchWrite =
                Timer.builder("dnsx_batch_write")
                        .description("time to write one batch to PostgreSQL")
                        // a few buckets, for the dashboard's quantiles at little cardinality
                        .serviceLevelObjectives(BATCH_WRITE_BUCKETS)
                        .register(registry);
        recordsWritten =
                Counter.builder("dnsx_records_written")
                        .description("record rows upserted")
                        .register(registry);
        deadLettered =
                Counter.builder("dnsx_dead_lettered")
                        .description("messages or domains dead-lettered")
                        .register(registry);
        queueLag =
                Timer.builder("dnsx_queue_lag")
                        .description("time from publishing to delivery")
                        .register(registry);
        Gauge.builder("dnsx_queue_messages", queueDepth, q -> q.get() < 0 ? Double.NaN : q.get())
                .description("messages waiting in the work queue (NaN: unknown)")
                .register(registry);
        for (int type : RecordTypes.parse(RecordTypeNames.SUPPORTED)) {
            lookups.computeIfAbsent(type, this::lookupCounters);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** Registers the DNS client's per-resolver figures and the in-flight gauge. */
    public void bind(DnsClient client, IntSupplier domainsInFlight) {
        Gauge.builder("dnsx_domains_in_flight", domainsInFlight::getAsInt).register(registry);
        Gauge.builder("dnsx_queries_in_flight", client, DnsClient::activeLookups)
                .register(registry);
        ClientStatistics stats = client.statistics();
        FunctionCounter.builder(
                        "dnsx_responses_mismatched", stats, ClientStatistics::mismatchedResponses)
                .description("responses dropped: wrong source, ID or question")
                .register(registry);
        FunctionCounter.builder("dnsx_responses_late", stats, ClientStatistics::lateResponses)
                .description("responses after their lookup ended")
                .register(registry);
        FunctionCounter.builder(
                        "dnsx_responses_malformed", stats, ClientStatistics::malformedResponses)
                .description("responses that could not be parsed")
                .register(registry);
        FunctionCounter.builder("dnsx_dns_loop_errors", stats, ClientStatistics::loopErrors)
                .description("unexpected errors of the DNS client's loop, each survived")
                .register(registry);
        FunctionCounter.builder("dnsx_tcp_queries", stats, ClientStatistics::tcpQueries)
                .register(registry);
        for (ResolverState r : client.resolvers()) {
            String name = r.address().getAddress().getHostAddress() + ":" + r.address().getPort();
            FunctionCounter.builder("dnsx_resolver_queries", r, ResolverState::sent)
                    .tag("resolver", name)
                    .register(registry);
            FunctionCounter.builder("dnsx_resolver_timeouts", r, ResolverState::timeouts)
                    .tag("resolver", name)
                    .register(registry);
            FunctionCounter.builder("dnsx_resolver_errors", r, ResolverState::errors)
                    .tag("resolver", name)
                    .description("SERVFAIL, REFUSED, send and TCP failures")
                    .register(registry);
            FunctionTimer.builder(
                            "dnsx_resolver_latency",
                            r,
                            ResolverState::answered,
                            ResolverState::latencyNanos,
                            TimeUnit.NANOSECONDS)
                    .tag("resolver", name)
                    .register(registry);
            Gauge.builder("dnsx_resolver_window", r, ResolverState::window)
                    .tag("resolver", name)
                    .register(registry);
            Gauge.builder("dnsx_resolver_loss_ratio", r, ResolverState::loss)
                    .tag("resolver", name)
                    .description(
                            "recent share of queries without a usable answer; a resolver far above the best"
                                    + " one is asked less")
                    .register(registry);
        }
    }

    /** A domain committed, with its lookups; called from the batch writers' threads. */
    public void domainStored(DomainResolution r) {
        domains.get(r.outcome()).increment();
        domainsDone.increment();
        for (TypeAnswer a : r.answers().values()) {
            lookups.computeIfAbsent(a.type(), this::lookupCounters)[a.outcome().ordinal()]
                    .increment();
        }
    }

    /**
     * One type's lookup counters, one per outcome. The supported types' are made at start, so their
     * series exist from zero before the first domain is stored (rate() and the dashboard need a
     * series to begin with, and a scrape right after start sees every one).
     */
    private Counter[] lookupCounters(int type) {
        Counter[] byOutcome = new Counter[Outcome.values().length];
        for (Outcome o : Outcome.values()) {
            byOutcome[o.ordinal()] =
                    Counter.builder("dnsx_lookups")
                            .tag("type", RecordTypes.name(type))
                            .tag("outcome", o.dbName())
                            .description("lookups by record type and outcome")
                            .register(registry);
        }
        return byOutcome;
    }

    public Timer batchWrite() {
        return batchWrite;
    }

    public void recordsWritten(int n) {
        recordsWritten.increment(n);
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void queueLag(long millis) {
        if (millis >= 0) {
            queueLag.record(millis, TimeUnit.MILLISECONDS);
        }
    }

    public void queueDepth(long depth) {
        queueDepth.set(depth);
    }

    public long queueDepth() {
        return queueDepth.get();
    }

    public long count(Outcome o) {
        return (long) domains.get(o).count();
    }

    public String scrape() {
        return registry.scrape();
    }
}
