/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code dns-extraction.jar}: where the database and broker are (embedded when not
 * given), where the embedded ones keep their data, and how the run is executed and shown.
 */
record LocalSettings(
        String postgresDsn,
        String rabbitmqUrl,
        Path dataDir,
        int workers,
        String resolvers,
        Path domainsFile,
        Progress progress,
        Output output,
        int port,
        boolean verbose) {

    /** How progress is shown. */
    enum Progress {
        AUTO,
        BAR,
        LINES
    }

    static final Option<String> POSTGRES_DSN =
            SharedOptions.POSTGRES_DSN.withHelp(
                    "your extraction database (`postgresql://user:pass@host:5432/db`), as the Secret would hold it; default: the embedded PostgreSQL in `--data-dir`");
    static final Option<String> RABBITMQ_URL =
            SharedOptions.RABBITMQ_URL.withHelp(
                    "your RabbitMQ (`amqp://user:pass@host:5672/vhost`); default: an embedded broker");
    static final Option<String> DATA_DIR =
            Option.text(
                    "data-dir",
                    "DNSX_DATA_DIR",
                    null,
                    "the embedded database's data, the unpacked PostgreSQL binaries, and the logs; default: `~/.dnsx`");
    static final Option<Integer> WORKERS =
            Option.integer(
                    "workers",
                    "LOCAL_WORKERS",
                    1,
                    1,
                    64,
                    "queue workers in this process, each with `spec.workers.concurrency` lookups in flight");
    static final Option<List<String>> RESOLVERS =
            WorkerOptions.RESOLVERS.withHelp(
                    "resolvers, `IP[:port]`, replacing the run's `spec.resolvers.servers`; default: the"
                            + " run's, else the system's");
    static final Option<String> DOMAINS =
            Option.text(
                            "domains-file",
                            "DOMAINS_FILE",
                            null,
                            "a file of names, one per line, loaded into `domains` before the run")
                    .formerly("domains", null);
    static final Option<Progress> PROGRESS =
            Option.choice(
                    "progress",
                    "PROGRESS",
                    Progress.AUTO,
                    Progress.class,
                    "`bar` (one line redrawn), `lines` (a line every 5 s and at each phase change), `auto` (a bar on a terminal)");

    /** What {@code run} prints when it ends. */
    enum Output {
        SUMMARY,
        YAML,
        JSON
    }

    static final Option<Output> OUTPUT =
            Option.choice(
                    "output",
                    "DNSX_OUTPUT",
                    Output.SUMMARY,
                    Output.class,
                    "what `run` prints when it ends: `summary` (a few lines), or the status the DnsExtractionRun would hold as `yaml` or `json` on standard output (progress and messages then go to standard error), as kubectl's `-o`");
    static final Option<Integer> PORT =
            Option.integer(
                    "port",
                    "DNSX_DB_PORT",
                    0,
                    0,
                    65_535,
                    "port of the embedded PostgreSQL; 0: the one this data directory used before, else a free one (kept, so that the DSN printed after a run is the one `db` serves)");

    /** The options of one command: each lists only those it reads. */
    static CommandLineOptions declare(String command) {
        CommandLineOptions o = new CommandLineOptions("dns-extraction.jar " + command);
        return switch (command) {
            case "validate" ->
                    o.describe("FILE: the DnsExtractionRun to check").argumentsAreFiles();
            case "query" ->
                    o.describe("DOMAIN: the name whose records and outcomes to print")
                            .add(POSTGRES_DSN, DATA_DIR, PORT, SharedOptions.VERBOSE);
            case "db" -> o.add(DATA_DIR, PORT, SharedOptions.VERBOSE);
            case "duplicates" -> o.add(POSTGRES_DSN, DATA_DIR, PORT, SharedOptions.VERBOSE);
            default ->
                    o.describe("FILE: the DnsExtractionRun to run")
                            .argumentsAreFiles()
                            .section("the run")
                            .add(WORKERS, RESOLVERS, DOMAINS)
                            .section("what it shows")
                            .add(PROGRESS, OUTPUT, SharedOptions.VERBOSE)
                            .section("where the data goes (embedded when not given)")
                            .add(POSTGRES_DSN, RABBITMQ_URL, DATA_DIR, PORT)
                            .shortForm('o', OUTPUT);
        };
    }

    /** The settings of a command; the options it does not declare keep their defaults. */
    static LocalSettings from(ParsedOptions o, Map<String, String> env) {
        String dir = valueOf(o, DATA_DIR);
        Path dataDir = dir != null ? Path.of(dir) : defaultDataDir(env);
        String domains = valueOf(o, DOMAINS);
        List<String> resolvers = valueOf(o, RESOLVERS);
        return new LocalSettings(
                valueOf(o, POSTGRES_DSN),
                valueOf(o, RABBITMQ_URL),
                dataDir.toAbsolutePath(),
                valueOf(o, WORKERS),
                resolvers == null ? null : String.join(",", resolvers),
                domains == null ? null : Path.of(domains),
                valueOf(o, PROGRESS),
                valueOf(o, OUTPUT),
                valueOf(o, PORT),
                valueOf(o, SharedOptions.VERBOSE));
    }

    /** The option's value when the command declares it, else its default. */
    private static <T> T valueOf(ParsedOptions o, Option<T> option) {
        return o.declares(option) ? o.get(option) : option.defaultValue();
    }

    /** ~/.dnsx: the home of the user, from HOME where set. */
    static Path defaultDataDir(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".dnsx")
                .toAbsolutePath();
    }
}
