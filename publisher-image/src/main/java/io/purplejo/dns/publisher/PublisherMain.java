/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import ch.qos.logback.classic.Level;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.outcome.OutcomeRetention;
import io.purplejo.dns.retry.Backoff;
import io.purplejo.dns.schema.DomainsTableCheck;
import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.schema.SchemaMigrationException;
import io.purplejo.dns.schema.SchemaMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code dns-publisher.jar}. Exit codes ({@link PublisherFailure}): 0 everything
 * published and confirmed; 2 a configuration error (option, DSN, URL, selection, a database without
 * the {@code domains} table): retrying cannot help; 3 PostgreSQL unreachable or lost; 4 RabbitMQ
 * unreachable or lost. In run mode an outage is ridden out, with backoff, for {@code
 * --outage-tolerance} before the publisher gives up with 3 or 4. Each failure prints one line
 * saying why.
 */
public final class PublisherMain {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherMain.class);

    /**
     * An attempt that ran this long before failing made progress: the next failure starts a new
     * outage.
     */
    private static final Duration FRESH_OUTAGE_AFTER = Duration.ofSeconds(30);

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** The selection's page reads and the checkpoint saver beside them. */
    private static final int DATABASE_CONNECTIONS = 2;

    /** How long a database that is still starting is waited for before the attempt fails. */
    private static final Duration DATABASE_WAIT_AT_START = Duration.ofSeconds(30);

    private PublisherMain() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("migrate")) {
            System.exit(MigrateCommand.run(list.subList(1, list.size()), System.getenv()));
        }
        System.exit(run(list, System.getenv(), System.out, System.err));
    }

    /** Runs the publisher with these arguments and environment; returns the exit code. */
    public static int run(
            List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLineOptions declared = PublisherSettings.declare();
        PublisherSettings settings;
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.requestedText() != null) {
                out.print(opts.requestedText());
                return ExitCodes.OK;
            }
            settings = PublisherSettings.from(opts);
        } catch (InvalidConfigurationException e) {
            err.println("dns-publisher: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
        if (settings.verbose()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                    .setLevel(Level.DEBUG);
        }
        long outageStarted = 0;
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        while (true) {
            long attemptStarted = System.nanoTime();
            PublisherFailure failure;
            try {
                attempt(settings, out);
                return ExitCodes.OK;
            } catch (InvalidConfigurationException
                    | DatabaseUnavailableException
                    | SchemaMigrationException
                    | SQLException
                    | IOException
                    | TimeoutException
                    | ShutdownSignalException e) {
                failure = PublisherFailure.of(e, String.valueOf(settings.rabbitmq()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = PublisherFailure.of(e, String.valueOf(settings.rabbitmq()));
            }
            long now = System.nanoTime();
            if (outageStarted == 0 || now - attemptStarted >= FRESH_OUTAGE_AFTER.toNanos()) {
                outageStarted = attemptStarted;
                backoff.reset();
            }
            Duration outage = Duration.ofNanos(now - outageStarted);
            // legacy mode has no checkpoint: a new attempt would publish every domain again
            boolean retry =
                    failure.kind().isTransient()
                            && settings.runMode()
                            && outage.plus(backoff.nominal()).compareTo(settings.outageTolerance())
                                    <= 0;
            if (!retry) {
                err.println("dns-publisher: " + failure.message());
                return failure.kind().exitCode();
            }
            LOG.warn(
                    "{}; retrying in {} s (giving up {} s into the outage)",
                    failure.message(),
                    backoff.nominal().toSeconds(),
                    settings.outageTolerance().toSeconds());
            try {
                Thread.sleep(backoff.nextWait().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("dns-publisher: interrupted");
                return PublisherFailure.Kind.INTERRUPTED.exitCode();
            }
        }
    }

    /**
     * One attempt: connect, check and migrate the schema, publish (resuming a run from its
     * checkpoint).
     */
    private static void attempt(PublisherSettings settings, PrintStream out)
            throws SQLException, IOException, TimeoutException, InterruptedException {
        try (Database db =
                Database.open(settings.postgres(), DATABASE_CONNECTIONS, "dns-publisher")) {
            db.awaitReachable(DATABASE_WAIT_AT_START);
            try (Connection c = db.dataSource().getConnection()) {
                DomainsTableCheck.require(c, db.dsn().database());
            }
            new SchemaMigrator(db.dataSource()).migrate();
            if (!settings.countOnly()) {
                OutcomeRetention.dropExpired(db.dataSource(), Instant.now());
            }
            DomainPublisher publisher = new DomainPublisher(settings, db);
            if (settings.countOnly()) {
                out.println(publisher.count(publisher.maxDomainId()));
                return;
            }
            DomainPublisher.Result r = publisher.publish();
            LOG.info(
                    "done: {} domains published{}",
                    r.published(),
                    settings.runMode() ? " for run '" + settings.runName() + "'" : "");
        }
    }
}
