/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.DatabaseUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrate} subcommand every image has: brings the database to the current schema and
 * exits.
 */
public final class MigrateCommand {
    /** How long a database that is still starting (a pod beside it) is waited for. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(30);

    private MigrateCommand() {}

    /** The command's options. */
    public static CommandLineOptions declare() {
        return new CommandLineOptions("migrate").add(SharedOptions.POSTGRES_DSN);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(List<String> args, Map<String, String> env) {
        CommandLineOptions declared = declare();
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.requestedText() != null) {
                System.out.print(opts.requestedText());
                return ExitCodes.OK;
            }
            PostgresDsn dsn = PostgresDsn.parse(opts.required(SharedOptions.POSTGRES_DSN));
            // one connection: the migrations run one after the other, under one advisory lock
            try (Database db = Database.open(dsn, 1, "dnsx-migrate")) {
                db.awaitReachable(DATABASE_WAIT);
                List<Integer> applied = new SchemaMigrator(db.dataSource()).migrate();
                System.out.println(
                        applied.isEmpty()
                                ? "schema is up to date"
                                : "applied schema migrations " + applied);
                return ExitCodes.OK;
            }
        } catch (InvalidConfigurationException
                | DatabaseUnavailableException
                | SchemaMigrationException e) {
            System.err.println("migrate: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv()));
    }
}
