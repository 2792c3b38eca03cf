/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.worker.settings.ResolverOptions;

/** The options of {@code dns-worker.jar resolve}: its files and format, then the DNS options. */
final class ResolveOptions {
    /** More lookups in flight than the worker's default: nothing waits on a database here. */
    static final Option<Integer> CONCURRENCY = WorkerOptions.CONCURRENCY.withDefault("1000");

    static final Option<String> INPUT =
            Option.text(
                    "domains-file",
                    "RESOLVE_DOMAINS_FILE",
                    null,
                    "file of names, one per line ('#' comments and blank lines skipped); default:"
                            + " standard input");
    static final Option<String> OUTPUT =
            Option.text(
                    "output-file",
                    "RESOLVE_OUTPUT_FILE",
                    null,
                    "file the results are written to (replaced, unless --resume); default:"
                            + " standard output");
    static final Option<ResultFormat> FORMAT =
            Option.choice(
                    "format",
                    "RESOLVE_FORMAT",
                    ResultFormat.JSON,
                    ResultFormat.class,
                    "json: a JSON line per name with every type's outcome; csv: a row per record"
                            + " (or per type without records); text: `name TYPE value` per record,"
                            + " as massdns's simple form");
    static final Option<Boolean> RESUME =
            Option.flag(
                    "resume",
                    "RESOLVE_RESUME",
                    false,
                    "continue an interrupted run: the names already in --output-file (json or csv) are"
                            + " not resolved again, the rest are appended");
    static final Option<Boolean> PROGRESS =
            Option.flag(
                    "progress",
                    "RESOLVE_PROGRESS",
                    true,
                    "a live statistics line on standard error while it is a terminal");

    private ResolveOptions() {}

    /** The command's options, in the order its help lists them. */
    static CommandLineOptions declare() {
        return ResolverOptions.declare(
                new CommandLineOptions("dns-worker.jar resolve")
                        .describe(
                                "resolves the names of --domains-file (or standard input) and"
                                        + " writes each name's result as it completes;"
                                        + " statistics on standard error. No database, no queue.")
                        .section("input and output")
                        .add(INPUT, OUTPUT, FORMAT, RESUME, PROGRESS)
                        .section("DNS"),
                CONCURRENCY);
    }
}
