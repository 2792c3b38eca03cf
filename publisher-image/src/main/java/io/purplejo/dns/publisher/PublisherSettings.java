/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.publisher.selection.Selection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The publisher's configuration: the legacy publisher's options, run identity, selection and flow
 * control.
 */
public record PublisherSettings(
        PostgresDsn postgres,
        AmqpUri rabbitmq,
        String queue,
        int pageSize,
        int stopMessages,
        boolean purgeQueue,
        boolean countOnly,
        boolean verbose,
        String runName,
        int messageSize,
        long maxQueueDepth,
        int confirmWindow,
        Selection selection,
        List<String> recordTypes,
        String runUid,
        Duration outageTolerance,
        Integer outcomeRetentionDays) {

    static final List<String> ALL_TYPES = List.of("A", "AAAA", "NS", "MX", "SOA", "CNAME", "TXT");
    static final long RUN_MODE_MAX_QUEUE_DEPTH = 10_000;

    public static CommandLineOptions declare() {
        return AmqpTrust.declare(
                new CommandLineOptions("dns-publisher.jar")
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
                                "queue to publish to")
                        .value(
                                "batch-size",
                                "BATCH_SIZE",
                                "10000",
                                "domains read from PostgreSQL per page")
                        .value(
                                "worker-count",
                                "WORKER_COUNT",
                                "1",
                                "__STOP__ messages to send at the end (one per worker)")
                        .flag(
                                "purge-queue",
                                "PURGE_QUEUE",
                                false,
                                "empty the queue before publishing")
                        .flag(
                                "count-only",
                                "COUNT_ONLY",
                                false,
                                "print how many domains would be published and exit")
                        .flag("verbose", "VERBOSE", false, "debug logging")
                        .value(
                                "run-name",
                                "RUN_NAME",
                                null,
                                "create or resume this run and publish batch messages; without it, legacy messages")
                        .value(
                                "message-size",
                                "MESSAGE_SIZE",
                                "100",
                                "domains per batch message (run mode)")
                        .value(
                                "max-queue-depth",
                                "MAX_QUEUE_DEPTH",
                                null,
                                "pause while the queue holds more messages; 0 for no"
                                        + " limit; default "
                                        + RUN_MODE_MAX_QUEUE_DEPTH
                                        + " with --run-name, else no limit (as the"
                                        + " legacy publisher)")
                        .value(
                                "confirm-window",
                                "CONFIRM_WINDOW",
                                "500",
                                "messages awaiting the broker's confirm at most")
                        .value(
                                "select",
                                "SELECTION_MODE",
                                "never-extracted",
                                "all | never-extracted | not-extracted-since")
                        .value(
                                "since",
                                "SELECTION_SINCE",
                                null,
                                "RFC 3339 time for not-extracted-since")
                        .value(
                                "suffixes",
                                "SELECTION_SUFFIXES",
                                null,
                                "only names ending with these comma-separated suffixes")
                        .value(
                                "domains",
                                "SELECTION_DOMAINS",
                                null,
                                "an explicit comma-separated list of names")
                        .value(
                                "domains-file",
                                "SELECTION_DOMAINS_FILE",
                                null,
                                "an explicit list of names, one per line")
                        .value(
                                "limit",
                                "SELECTION_LIMIT",
                                null,
                                "publish at most this many domains")
                        .value(
                                "types",
                                "DNS_RECORD_TYPES",
                                String.join(",", ALL_TYPES),
                                "record types the run extracts")
                        .value(
                                "run-uid",
                                "RUN_UID",
                                null,
                                "identity of the run (the DnsExtractionRun's uid); default: --run-name identifies it")
                        .value(
                                "outage-tolerance",
                                "OUTAGE_TOLERANCE_SECONDS",
                                "300",
                                "seconds a run rides out a PostgreSQL or RabbitMQ outage before it gives up")
                        .value(
                                "outcome-retention-days",
                                "OUTCOME_RETENTION_DAYS",
                                null,
                                "days the run's per-domain outcomes are kept after its last one (run mode); default: for ever"));
    }

    public static PublisherSettings from(ParsedOptions o) {
        String limitText = o.string("limit");
        Long limit = null;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Long.parseLong(limitText.trim());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(
                        "--limit takes a whole number, not '" + limitText + "'");
            }
        }
        List<String> names = new ArrayList<>(split(o.string("domains")));
        String file = o.string("domains-file");
        if (file != null && !file.isBlank()) {
            try {
                Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new InvalidConfigurationException(
                        "cannot read --domains-file " + file + ": " + e.getMessage());
            }
        }
        Selection selection =
                Selection.of(
                        names.isEmpty() ? o.string("select") : "all",
                        o.string("since"),
                        split(o.string("suffixes")),
                        names,
                        limit);
        List<String> types =
                split(o.required("types")).stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
        for (String t : types) {
            if (!ALL_TYPES.contains(t)) {
                throw new InvalidConfigurationException(
                        "record type '"
                                + t
                                + "' is not supported; choose from "
                                + String.join(",", ALL_TYPES));
            }
        }
        boolean countOnly = o.flag("count-only");
        if (blankToNull(o.string("run-uid")) != null && blankToNull(o.string("run-name")) == null) {
            throw new InvalidConfigurationException("--run-uid goes with --run-name");
        }
        return new PublisherSettings(
                PostgresDsn.parse(o.required("postgres-dsn")),
                countOnly && o.string("rabbitmq-url") == null
                        ? null
                        : AmqpUri.parse(o.required("rabbitmq-url")).withTrust(AmqpTrust.from(o)),
                o.required("queue-name"),
                o.integer("batch-size", 1, 1_000_000),
                o.integer("worker-count", 0, 100_000),
                o.flag("purge-queue"),
                countOnly,
                o.flag("verbose"),
                blankToNull(o.string("run-name")),
                o.integer("message-size", 1, MessageCodec.MAX_BATCH_DOMAINS),
                maxQueueDepth(o),
                o.integer("confirm-window", 1, 100_000),
                selection,
                types,
                blankToNull(o.string("run-uid")),
                Duration.ofSeconds(o.integer("outage-tolerance", 0, 86_400)),
                retentionDays(o));
    }

    private static Integer retentionDays(ParsedOptions o) {
        String text = o.string("outcome-retention-days");
        if (text == null || text.isBlank()) {
            return null;
        }
        if (blankToNull(o.string("run-name")) == null) {
            throw new InvalidConfigurationException(
                    "--outcome-retention-days goes with --run-name: legacy mode keeps"
                            + " its outcomes in one run for ever");
        }
        return o.integer("outcome-retention-days", 1, 36_500);
    }

    /**
     * Back-pressure is the default of run mode, whose workers the operator scales from the queue
     * depth; the legacy mode publishes everything, as the publisher it replaces did, so that a
     * queue with no worker yet does not hold it forever.
     */
    private static long maxQueueDepth(ParsedOptions o) {
        String given = o.string("max-queue-depth");
        if (given == null || given.isBlank()) {
            return blankToNull(o.string("run-name")) != null ? RUN_MODE_MAX_QUEUE_DEPTH : 0;
        }
        return o.integer("max-queue-depth", 0, Integer.MAX_VALUE);
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean runMode() {
        return runName != null;
    }
}
