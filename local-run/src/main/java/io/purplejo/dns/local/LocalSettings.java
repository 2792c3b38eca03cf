/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import java.nio.file.Path;
import java.util.Locale;
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
        int port,
        boolean verbose) {

    /** How progress is shown. */
    enum Progress {
        AUTO,
        BAR,
        LINES
    }

    static CommandLineOptions declare(String command) {
        return new CommandLineOptions("dns-extraction.jar " + command)
                .secret(
                        "postgres-dsn",
                        "POSTGRES_DSN",
                        "PostgreSQL DSN of your database; default: the embedded PostgreSQL in --data-dir")
                .secret(
                        "rabbitmq-url",
                        "RABBITMQ_URL",
                        "RabbitMQ URL of your broker; default: an embedded broker")
                .value(
                        "data-dir",
                        "DNSX_DATA_DIR",
                        null,
                        "where the embedded PostgreSQL keeps its data and the logs go (default ~/.dnsx)")
                .value("workers", "LOCAL_WORKERS", "1", "queue workers in this process")
                .value(
                        "resolvers",
                        "DNS_RESOLVERS",
                        null,
                        "resolver IP[:port] list replacing the run's spec.resolvers.servers; default: the run's,"
                                + " else the system's")
                .value(
                        "domains",
                        "DOMAINS_FILE",
                        null,
                        "a list of names, one per line, loaded into domains first")
                .value("progress", "PROGRESS", "auto", "auto | bar | lines")
                .value(
                        "port",
                        "DNSX_DB_PORT",
                        "0",
                        "port of the embedded PostgreSQL; 0: the one this data directory used before, else a free one")
                .flag("verbose", "VERBOSE", false, "debug logging");
    }

    static LocalSettings from(ParsedOptions o, Map<String, String> env) {
        String dir = o.string("data-dir");
        Path dataDir = dir != null && !dir.isBlank() ? Path.of(dir) : defaultDataDir(env);
        String domains = o.string("domains");
        Progress progress;
        try {
            progress = Progress.valueOf(o.required("progress").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "--progress takes auto, bar or lines, not '" + o.string("progress") + "'");
        }
        return new LocalSettings(
                blankToNull(o.string("postgres-dsn")),
                blankToNull(o.string("rabbitmq-url")),
                dataDir.toAbsolutePath(),
                o.integer("workers", 1, 64),
                blankToNull(o.string("resolvers")),
                domains == null || domains.isBlank() ? null : Path.of(domains),
                progress,
                o.integer("port", 0, 65_535),
                o.flag("verbose"));
    }

    /** ~/.dnsx: the home of the user, from HOME where set. */
    static Path defaultDataDir(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".dnsx")
                .toAbsolutePath();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
