/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.lookup.ResolverDefaults;
import io.purplejo.dns.message.QueueNames;
import java.util.List;

/**
 * The queue worker's options and the resolver options it shares with {@code resolve}. Declared in
 * core because the operator sets them, by their environment variables, on the pods it runs.
 */
public final class WorkerOptions {
    public static final Option<String> QUEUE_NAME =
            Option.text(
                    "queue-name",
                    "QUEUE_NAME",
                    QueueNames.DEFAULT_WORK_QUEUE,
                    "queue to consume (an existing queue is used as it is)");
    public static final Option<String> WORKER_ID =
            Option.text(
                    "worker-id",
                    "WORKER_ID",
                    null,
                    "name in logs and in the RabbitMQ and PostgreSQL connection names; default: `$HOSTNAME`");
    public static final Option<Integer> PREFETCH =
            Option.integer(
                    "prefetch", "PREFETCH", 800, 1, 65_535, "unacknowledged messages held at most");
    public static final Option<Integer> METRICS_PORT =
            Option.integer(
                    "metrics-port",
                    "METRICS_PORT",
                    HealthServer.WORKER_PORT,
                    0,
                    65_535,
                    "port of /metrics, /healthz, /readyz; 0 for none");
    public static final Option<Integer> WRITE_BATCH_SIZE =
            Option.integer(
                            "write-batch-size",
                            "WRITE_BATCH_SIZE",
                            1000,
                            1,
                            100_000,
                            "domains written per transaction at most (and at most `--concurrency` / (`--batch-writers` + 1))")
                    .formerly("batch-size", "BATCH_SIZE");
    public static final Option<Integer> BATCH_WRITERS =
            Option.integer(
                    "batch-writers",
                    "BATCH_WRITERS",
                    2,
                    1,
                    16,
                    "batches committed at once, each on its own database connection");
    public static final Option<Integer> BATCH_DELAY_MS =
            Option.integer(
                    "batch-delay-ms",
                    "BATCH_DELAY_MS",
                    250,
                    1,
                    60_000,
                    "milliseconds a finished domain waits for its batch at most");
    public static final Option<Integer> GRACE_PERIOD =
            Option.integer(
                    "grace-period",
                    "GRACE_PERIOD",
                    30,
                    1,
                    3600,
                    "seconds to drain after SIGTERM or `__STOP__`");
    public static final Option<Integer> MAX_DELIVERIES =
            Option.integer(
                    "max-deliveries",
                    "MAX_DELIVERIES",
                    5,
                    1,
                    1000,
                    "dead-letter a message delivered this often (quorum queues' `x-delivery-count`)");
    public static final Option<Boolean> LOG_RECORDS =
            Option.flag("log-records", "LOG_RECORDS", false, "log every domain's records");

    public static final Option<List<String>> RESOLVERS =
            Option.list(
                    "resolvers",
                    "DNS_RESOLVERS",
                    null,
                    "resolvers, IP addresses only: `10.0.0.2,10.0.0.3:5353,[2001:db8::53]:53`; default: the system's");
    public static final Option<Integer> CONCURRENCY =
            Option.integer(
                    "concurrency",
                    "CONCURRENCY",
                    500,
                    1,
                    100_000,
                    "domains resolving (or waiting for their batch) at once");
    public static final Option<Double> DNS_TIMEOUT =
            Option.decimal(
                    "dns-timeout",
                    "DNS_TIMEOUT",
                    ResolverDefaults.TIMEOUT_SECONDS,
                    0.05,
                    60,
                    "seconds one query waits for its answer");
    public static final Option<Integer> DNS_RETRIES =
            Option.integer(
                    "dns-retries",
                    "DNS_RETRIES",
                    ResolverDefaults.RETRIES,
                    0,
                    10,
                    "retries of a query after a timeout, SERVFAIL or REFUSED, each on another resolver");
    public static final Option<Integer> RESOLVER_QPS =
            Option.integer(
                    "resolver-qps",
                    "DNS_RESOLVER_QPS",
                    0,
                    0,
                    10_000_000,
                    "queries per second per resolver, 0 for no limit");
    public static final Option<Integer> RESOLVER_WINDOW =
            Option.integer(
                    "resolver-window",
                    "DNS_RESOLVER_WINDOW",
                    ResolverDefaults.WINDOW,
                    1,
                    60_000,
                    "queries in flight per resolver at most; halves on timeouts and REFUSED");
    public static final Option<Integer> DNS_SOCKETS =
            Option.integer(
                    "dns-sockets",
                    "DNS_SOCKETS",
                    ResolverDefaults.SOCKETS,
                    1,
                    64,
                    "UDP sockets, each with its own random source port");

    private WorkerOptions() {}

    /** The resolver options, with this command's concurrency. */
    public static Option<?>[] resolverOptions(Option<Integer> concurrency) {
        return new Option<?>[] {
            RESOLVERS,
            SharedOptions.RECORD_TYPES,
            concurrency,
            DNS_TIMEOUT,
            DNS_RETRIES,
            RESOLVER_QPS,
            RESOLVER_WINDOW,
            DNS_SOCKETS
        };
    }
}
