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
import io.purplejo.dns.config.PublisherOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.names.NameListFile;
import io.purplejo.dns.publisher.selection.Selection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    public static CommandLineOptions declare() {
        CommandLineOptions o =
                new CommandLineOptions("dns-publisher.jar")
                        .section("database and broker")
                        .add(
                                SharedOptions.POSTGRES_DSN,
                                SharedOptions.RABBITMQ_URL,
                                PublisherOptions.QUEUE_NAME,
                                PublisherOptions.PURGE_QUEUE);
        return AmqpTrust.declare(o)
                .section("selection")
                .add(
                        PublisherOptions.SELECT,
                        PublisherOptions.SINCE,
                        PublisherOptions.SUFFIXES,
                        PublisherOptions.DOMAINS,
                        PublisherOptions.DOMAINS_FILE,
                        PublisherOptions.SELECT_WITHIN_LIST,
                        PublisherOptions.FAILURES_OF,
                        PublisherOptions.LIMIT,
                        PublisherOptions.RECORD_TYPES,
                        PublisherOptions.COUNT_ONLY)
                .section("publishing")
                .add(
                        PublisherOptions.PAGE_SIZE,
                        PublisherOptions.MESSAGE_SIZE,
                        PublisherOptions.MAX_QUEUE_DEPTH,
                        PublisherOptions.CONFIRM_WINDOW,
                        PublisherOptions.OUTAGE_TOLERANCE)
                .section("the run")
                .add(
                        PublisherOptions.RUN_NAME,
                        PublisherOptions.RUN_UID,
                        PublisherOptions.WORKER_COUNT,
                        PublisherOptions.OUTCOME_RETENTION_DAYS,
                        SharedOptions.VERBOSE);
    }

    public static PublisherSettings from(ParsedOptions o) {
        List<String> names = new ArrayList<>(listOrEmpty(o.get(PublisherOptions.DOMAINS)));
        String file = o.get(PublisherOptions.DOMAINS_FILE);
        if (file != null) {
            try {
                names.addAll(NameListFile.read(Path.of(file)));
            } catch (IOException e) {
                throw new InvalidConfigurationException(
                        "cannot read --domains-file " + file + ": " + e.getMessage());
            }
        }
        Selection selection =
                Selection.of(
                        names.isEmpty() || o.get(PublisherOptions.SELECT_WITHIN_LIST)
                                ? o.get(PublisherOptions.SELECT)
                                : "all",
                        o.get(PublisherOptions.SINCE),
                        listOrEmpty(o.get(PublisherOptions.SUFFIXES)),
                        names,
                        o.get(PublisherOptions.LIMIT),
                        o.get(PublisherOptions.FAILURES_OF));
        boolean countOnly = o.get(PublisherOptions.COUNT_ONLY);
        String runName = o.get(PublisherOptions.RUN_NAME);
        if (o.get(PublisherOptions.RUN_UID) != null && runName == null) {
            throw new InvalidConfigurationException("--run-uid goes with --run-name");
        }
        return new PublisherSettings(
                PostgresDsn.parse(o.required(SharedOptions.POSTGRES_DSN)),
                countOnly && o.get(SharedOptions.RABBITMQ_URL) == null
                        ? null
                        : AmqpUri.parse(o.required(SharedOptions.RABBITMQ_URL))
                                .withTrust(AmqpTrust.from(o)),
                o.required(PublisherOptions.QUEUE_NAME),
                o.get(PublisherOptions.PAGE_SIZE),
                o.get(PublisherOptions.WORKER_COUNT),
                o.get(PublisherOptions.PURGE_QUEUE),
                countOnly,
                o.get(SharedOptions.VERBOSE),
                runName,
                o.get(PublisherOptions.MESSAGE_SIZE),
                maxQueueDepth(o),
                o.get(PublisherOptions.CONFIRM_WINDOW),
                selection,
                o.get(PublisherOptions.RECORD_TYPES),
                o.get(PublisherOptions.RUN_UID),
                Duration.ofSeconds(o.get(PublisherOptions.OUTAGE_TOLERANCE)),
                retentionDays(o));
    }

    private static Integer retentionDays(ParsedOptions o) {
        Integer days = o.get(PublisherOptions.OUTCOME_RETENTION_DAYS);
        if (days != null && o.get(PublisherOptions.RUN_NAME) == null) {
            throw new InvalidConfigurationException(
                    "--outcome-retention-days goes with --run-name: legacy mode keeps"
                            + " its outcomes in one run for ever");
        }
        return days;
    }

    /**
     * Back-pressure is the default of run mode, whose workers the operator scales from the queue
     * depth; the legacy mode publishes everything, as the publisher it replaces did, so that a
     * queue with no worker yet does not hold it forever.
     */
    private static long maxQueueDepth(ParsedOptions o) {
        Long given = o.get(PublisherOptions.MAX_QUEUE_DEPTH);
        if (given != null) {
            return given;
        }
        return o.get(PublisherOptions.RUN_NAME) != null
                ? PublisherOptions.RUN_MODE_MAX_QUEUE_DEPTH
                : 0;
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    public boolean runMode() {
        return runName != null;
    }
}
