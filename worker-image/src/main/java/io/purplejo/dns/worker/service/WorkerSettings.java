/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.ResolverSettings;
import io.purplejo.dns.worker.ResolverOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the queue worker is configured with. The options are the legacy worker's, each also
 * read from an environment variable, plus the resolver, metrics and batching options.
 */
public record WorkerSettings(
        PostgresDsn postgres,
        AmqpUri rabbitmq,
        String queue,
        String workerId,
        int concurrency,
        int prefetch,
        ResolverSettings resolver,
        List<Integer> types,
        int metricsPort,
        int batchSize,
        Duration batchDelay,
        Duration gracePeriod,
        int maxDeliveries,
        boolean logRecords,
        boolean verbose) {

    public static CommandLineOptions declare() {
        CommandLineOptions o =
                new CommandLineOptions("dns-worker.jar")
                        .secret(
                                "postgres-dsn",
                                "POSTGRES_DSN",
                                "PostgreSQL DSN (postgresql://user:pass@host:5432/db)")
                        .secret(
                                "rabbitmq-url",
                                "RABBITMQ_URL",
                                "RabbitMQ URL (amqp://user:pass@host:5672/vhost)")
                        .value(
                                "queue-name",
                                "QUEUE_NAME",
                                QueueNames.DEFAULT_WORK_QUEUE,
                                "queue to consume")
                        .value(
                                "worker-id",
                                "WORKER_ID",
                                null,
                                "name in logs and connection names (default: host name)")
                        .value(
                                "prefetch",
                                "PREFETCH",
                                "800",
                                "unacknowledged messages held at most")
                        .value(
                                "metrics-port",
                                "METRICS_PORT",
                                String.valueOf(HealthServer.WORKER_PORT),
                                "port of /metrics, /healthz, /readyz; 0 for none")
                        .value(
                                "batch-size",
                                "BATCH_SIZE",
                                "1000",
                                "domains written per transaction at most")
                        .value(
                                "batch-delay-ms",
                                "BATCH_DELAY_MS",
                                "250",
                                "longest a finished domain waits for its batch")
                        .value(
                                "grace-period",
                                "GRACE_PERIOD",
                                "30",
                                "seconds to drain after SIGTERM or __STOP__")
                        .value(
                                "max-deliveries",
                                "MAX_DELIVERIES",
                                "5",
                                "dead-letter a message delivered this often (quorum queues count deliveries)")
                        .flag("log-records", "LOG_RECORDS", false, "log every domain's records")
                        .flag("verbose", "VERBOSE", false, "debug logging");
        return ResolverOptions.declare(AmqpTrust.declare(o), "500");
    }

    public static WorkerSettings from(ParsedOptions o, Map<String, String> env) {
        String id = o.string("worker-id");
        if (id == null || id.isBlank()) {
            id =
                    env.getOrDefault(
                            "HOSTNAME", "worker-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return new WorkerSettings(
                PostgresDsn.parse(o.required("postgres-dsn")),
                AmqpUri.parse(o.required("rabbitmq-url")).withTrust(AmqpTrust.from(o)),
                o.required("queue-name"),
                id,
                o.integer("concurrency", 1, 100_000),
                o.integer("prefetch", 1, 65_535),
                ResolverOptions.settings(o),
                RecordTypes.parse(o.required("types")),
                o.integer("metrics-port", 0, 65_535),
                o.integer("batch-size", 1, 100_000),
                Duration.ofMillis(o.integer("batch-delay-ms", 1, 60_000)),
                Duration.ofSeconds(o.integer("grace-period", 1, 3600)),
                o.integer("max-deliveries", 1, 1000),
                o.flag("log-records"),
                o.flag("verbose"));
    }

    /** The record type names, for the legacy pseudo-run. */
    public List<String> typeNames() {
        return types.stream().map(RecordTypes::name).toList();
    }
}
