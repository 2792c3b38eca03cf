/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import io.purplejo.dns.message.MessageCodec;
import java.util.List;

/**
 * The publisher's options: the legacy publisher's, then run identity, selection and flow control.
 * Declared in core because the operator sets them, by their environment variables, on the publisher
 * Job it creates.
 */
public final class PublisherOptions {
    /** The queue depth a run-mode publisher holds at most unless told otherwise. */
    public static final long RUN_MODE_MAX_QUEUE_DEPTH = 10_000;

    public static final Option<String> QUEUE_NAME =
            WorkerOptions.QUEUE_NAME.withHelp(
                    "queue to publish to; an existing queue is used as it is, a new one is created durable with the dead-letter arguments the worker shares");
    public static final Option<Integer> PAGE_SIZE =
            Option.integer(
                            "page-size",
                            "PAGE_SIZE",
                            10_000,
                            1,
                            1_000_000,
                            "domains read from PostgreSQL per page")
                    .formerly("batch-size", "BATCH_SIZE");
    public static final Option<Integer> WORKER_COUNT =
            Option.integer(
                    "worker-count",
                    "WORKER_COUNT",
                    1,
                    0,
                    100_000,
                    "`__STOP__` messages sent at the end (one per legacy worker)");
    public static final Option<Boolean> PURGE_QUEUE =
            Option.flag("purge-queue", "PURGE_QUEUE", false, "empty the queue before publishing");
    public static final Option<Boolean> COUNT_ONLY =
            Option.flag(
                    "count-only",
                    "COUNT_ONLY",
                    false,
                    "print how many domains the selection holds now, and exit (needs no `--rabbitmq-url`)");
    public static final Option<String> RUN_NAME =
            Option.text(
                    "run-name",
                    "RUN_NAME",
                    null,
                    "run mode: create or resume this run and publish batch messages; without it, legacy one-domain messages");
    public static final Option<Integer> MESSAGE_SIZE =
            Option.integer(
                    "message-size",
                    "MESSAGE_SIZE",
                    100,
                    1,
                    MessageCodec.MAX_BATCH_DOMAINS,
                    "domains per batch message (run mode; 10,000 is the workers' limit)");
    public static final Option<Long> MAX_QUEUE_DEPTH =
            Option.wholeNumber(
                    "max-queue-depth",
                    "MAX_QUEUE_DEPTH",
                    null,
                    0,
                    Integer.MAX_VALUE,
                    "pause while the queue holds more messages, resume at three quarters; 0 for no limit; default "
                            + RUN_MODE_MAX_QUEUE_DEPTH
                            + " with `--run-name`, else no limit (the legacy publisher's behaviour, so that a queue with no worker yet does not hold it forever)");
    public static final Option<Integer> CONFIRM_WINDOW =
            Option.integer(
                    "confirm-window",
                    "CONFIRM_WINDOW",
                    500,
                    1,
                    100_000,
                    "messages awaiting the broker's confirm at most");
    public static final Option<String> SELECT =
            Option.text(
                    "select",
                    "SELECTION_MODE",
                    "never-extracted",
                    "`all`, `never-extracted` (no definite answer (records, no data, NXDOMAIN) in any run and no row in any legacy record table; timeouts and other failures stay selected), `not-extracted-since` (`domains.updated_at` before `--since`) or `failures-of` (the domains that failed in the run `--failures-of` names)");
    public static final Option<String> SINCE =
            Option.text(
                    "since", "SELECTION_SINCE", null, "RFC 3339 time, with `not-extracted-since`");
    public static final Option<List<String>> SUFFIXES =
            Option.list(
                    "suffixes",
                    "SELECTION_SUFFIXES",
                    null,
                    "only names equal to or ending with `.` + one of these");
    public static final Option<List<String>> DOMAINS =
            Option.list(
                    "domains",
                    "SELECTION_DOMAINS",
                    null,
                    "an explicit list of names (then `--select` is `all`); missing valid names are inserted into `domains`");
    public static final Option<String> FAILURES_OF =
            Option.text(
                    "failures-of",
                    "SELECTION_FAILURES_OF",
                    null,
                    "with `--select failures-of`: the run (`namespace/name`, as `--run-name`) whose failed domains are selected again: those whose outcome in its latest run of that name was a timeout, SERVFAIL, REFUSED, a malformed or truncated answer, a CNAME chain too long, or an invalid name");
    public static final Option<Boolean> SELECT_WITHIN_LIST =
            Option.flag(
                    "select-within-list",
                    "SELECTION_WITHIN_LIST",
                    false,
                    "with `--domains` or `--domains-file`: `--select` chooses among the listed names (as the one-machine run's `--domains` does) instead of every listed name being selected");
    public static final Option<String> DOMAINS_FILE =
            Option.text(
                    "domains-file",
                    "SELECTION_DOMAINS_FILE",
                    null,
                    "a file with an explicit list of names, one per line, as `--domains`");
    public static final Option<Long> LIMIT =
            Option.wholeNumber(
                    "limit",
                    "SELECTION_LIMIT",
                    null,
                    1,
                    Long.MAX_VALUE,
                    "publish at most this many domains");
    public static final Option<List<String>> RECORD_TYPES =
            SharedOptions.RECORD_TYPES.withHelp("record types the run extracts");
    public static final Option<String> RUN_UID =
            Option.text(
                    "run-uid",
                    "RUN_UID",
                    null,
                    "the run's identity (the operator passes the DnsExtractionRun's uid); without it `--run-name` identifies the run");
    public static final Option<Integer> OUTAGE_TOLERANCE =
            Option.integer(
                    "outage-tolerance",
                    "OUTAGE_TOLERANCE_SECONDS",
                    300,
                    0,
                    86_400,
                    "seconds a PostgreSQL or RabbitMQ outage is ridden out (backoff 1 s doubling to 30 s) before giving up; legacy mode, which has no checkpoint to restart from, rides out only a PostgreSQL lost while reading domains, resuming after the last one sent");
    public static final Option<Integer> OUTCOME_RETENTION_DAYS =
            Option.integer(
                    "outcome-retention-days",
                    "OUTCOME_RETENTION_DAYS",
                    null,
                    1,
                    36_500,
                    "run mode: days the run's per-domain outcomes are kept after its last one; at start, every publisher drops the outcomes of runs past their retention; default: for ever");

    private PublisherOptions() {}
}
