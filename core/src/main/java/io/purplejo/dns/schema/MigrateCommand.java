/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.DatabaseUnavailableException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code migrate} subcommand every image has: brings the database to the current schema and
 * exits.
 */
public final class MigrateCommand {
    /** How long a database that is still starting (a pod beside it) is waited for. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(30);

    /** Opt-in, never applied unless asked: see {@link FillFactor}. */
    static final Option<Integer> FILLFACTOR =
            Option.integer(
                    "fillfactor",
                    "FILLFACTOR",
                    null,
                    10,
                    FillFactor.POSTGRES_DEFAULT,
                    "also set the fill factor of domains and the seven record tables to this"
                            + " percent, so that the updated_at each extraction writes can be"
                            + " updated in place (100, PostgreSQL's default, resets it). New pages"
                            + " take it at once, existing ones when the table is rewritten (VACUUM"
                            + " FULL, CLUSTER or pg_repack). Unset: the tables are left as they"
                            + " are; see docs/performance.md");

    private MigrateCommand() {}

    /** The command's options. */
    public static CommandLineOptions declare() {
        return new CommandLineOptions("migrate").add(SharedOptions.POSTGRES_DSN).add(FILLFACTOR);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(List<String> args, Map<String, String> env) {
        return run(args, env, System.out, System.err);
    }

    /** Runs the command, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, DATABASE_WAIT);
    }

    /** As {@link #run(List, Map, PrintStream, PrintStream)}, waiting {@code databaseWait}. */
    static int run(
            List<String> args,
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            Duration databaseWait) {
        CommandLineOptions declared = declare();
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.requestedText() != null) {
                out.print(opts.requestedText());
                return ExitCodes.OK;
            }
            PostgresDsn dsn = PostgresDsn.parse(opts.required(SharedOptions.POSTGRES_DSN));
            // read before anything is done: an option out of range changes nothing
            Integer fillfactor = opts.get(FILLFACTOR);
            // one connection: the migrations run one after the other, under one advisory lock
            try (Database db = Database.open(dsn, 1, "dnsx-migrate")) {
                db.awaitReachable(databaseWait);
                List<Integer> applied = new SchemaMigrator(db.dataSource()).migrate();
                out.println(
                        applied.isEmpty()
                                ? "schema is up to date"
                                : "applied schema migrations " + applied);
                if (fillfactor != null) {
                    out.println(setFillFactor(db, fillfactor));
                }
                return ExitCodes.OK;
            }
        } catch (InvalidConfigurationException
                | DatabaseUnavailableException
                | SchemaMigrationException e) {
            // a bad option or DSN, refused credentials, no such database, an outage, or a schema
            // this program cannot use: each knows its code
            err.println("migrate: " + e.getMessage());
            return e.exitCode();
        } catch (SQLException e) {
            err.println("migrate: setting the fill factor failed: " + e.getMessage());
            return ExitCodes.DATABASE;
        }
    }

    private static String setFillFactor(Database db, int percent) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Map<String, Integer> before = FillFactor.apply(c, percent);
            String was =
                    before.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "));
            return "fill factor "
                    + percent
                    + " set on "
                    + String.join(", ", FillFactor.TABLES)
                    + " (it was: "
                    + was
                    + "); existing pages take it when the table is rewritten (VACUUM FULL,"
                    + " CLUSTER or pg_repack)";
        }
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv()));
    }
}
