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
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.ResolverSettings;
import io.purplejo.dns.worker.settings.ResolverOptions;
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
        int batchWriters,
        Duration batchDelay,
        Duration gracePeriod,
        int maxDeliveries,
        boolean logRecords,
        boolean verbose) {

    public static CommandLineOptions declare() {
        CommandLineOptions o =
                new CommandLineOptions("dns-worker.jar")
                        .describe(
                                """
                                the queue worker: consumes a run's domains from RabbitMQ, resolves
                                them and writes their records to PostgreSQL, until SIGTERM or a
                                stop message. Other commands ('COMMAND --help' lists their options):
                                  resolve     resolve a list of names: no database, no queue
                                  migrate     apply the database schema and exit
                                  completion  print the bash/zsh completion script of a
                                              'dns-worker' command (docs/worker.md)""")
                        .section("database and broker")
                        .add(
                                SharedOptions.POSTGRES_DSN,
                                SharedOptions.RABBITMQ_URL,
                                WorkerOptions.QUEUE_NAME,
                                WorkerOptions.PREFETCH,
                                WorkerOptions.MAX_DELIVERIES);
        AmqpTrust.declare(o).section("DNS");
        ResolverOptions.declare(o, WorkerOptions.CONCURRENCY)
                .section("storage")
                .add(
                        WorkerOptions.WRITE_BATCH_SIZE,
                        WorkerOptions.BATCH_WRITERS,
                        WorkerOptions.BATCH_DELAY_MS,
                        WorkerOptions.LOG_RECORDS)
                .section("operation")
                .add(
                        WorkerOptions.WORKER_ID,
                        WorkerOptions.METRICS_PORT,
                        WorkerOptions.GRACE_PERIOD,
                        SharedOptions.VERBOSE);
        return o;
    }

    public static WorkerSettings from(ParsedOptions o, Map<String, String> env) {
        String id = o.get(WorkerOptions.WORKER_ID);
        if (id == null) {
            id =
                    env.getOrDefault(
                            "HOSTNAME", "worker-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return new WorkerSettings(
                PostgresDsn.parse(o.required(SharedOptions.POSTGRES_DSN)),
                AmqpUri.parse(o.required(SharedOptions.RABBITMQ_URL)).withTrust(AmqpTrust.from(o)),
                o.required(WorkerOptions.QUEUE_NAME),
                id,
                o.get(WorkerOptions.CONCURRENCY),
                o.get(WorkerOptions.PREFETCH),
                ResolverOptions.settings(o),
                ResolverOptions.types(o),
                o.get(WorkerOptions.METRICS_PORT),
                o.get(WorkerOptions.WRITE_BATCH_SIZE),
                o.get(WorkerOptions.BATCH_WRITERS),
                Duration.ofMillis(o.get(WorkerOptions.BATCH_DELAY_MS)),
                Duration.ofSeconds(o.get(WorkerOptions.GRACE_PERIOD)),
                o.get(WorkerOptions.MAX_DELIVERIES),
                o.get(WorkerOptions.LOG_RECORDS),
                o.get(SharedOptions.VERBOSE));
    }

    /** The record type names, for the legacy pseudo-run. */
    public List<String> typeNames() {
        return types.stream().map(RecordTypes::name).toList();
    }
}
