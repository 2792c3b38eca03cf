/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker;

import ch.qos.logback.classic.Level;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.ShellCompletion;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.schema.SchemaMigrationException;
import io.purplejo.dns.terminal.Terminal;
import io.purplejo.dns.worker.cli.ResolveCommand;
import io.purplejo.dns.worker.service.WorkerService;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Entry point of {@code dns-worker.jar}: {@code resolve} (standalone bulk resolution), {@code
 * migrate} (apply the schema), or, with no subcommand, the long-running queue worker.
 */
public final class WorkerMain {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private WorkerMain() {}

    /**
     * The completion script of a {@code dns-worker} command (a wrapper running {@code java -jar
     * dns-worker.jar}): the queue worker's options and the resolve and migrate commands.
     */
    static String completionScript() {
        Map<String, CommandLineOptions> commands = new LinkedHashMap<>();
        commands.put("resolve", ResolveCommand.declare());
        commands.put("migrate", MigrateCommand.declare());
        return ShellCompletion.bash("dns-worker", WorkerSettings.declare(), commands);
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        String sub = list.isEmpty() ? "" : list.get(0);
        List<String> rest = list.isEmpty() ? list : list.subList(1, list.size());
        int code =
                switch (sub) {
                    case "resolve" ->
                            ResolveCommand.run(
                                    rest,
                                    System.getenv(),
                                    System.in,
                                    System.out,
                                    System.err,
                                    Terminal.isTerminal(Terminal.STANDARD_ERROR));
                    case "migrate" -> MigrateCommand.run(rest, System.getenv());
                    case "completion" -> {
                        System.out.print(completionScript());
                        yield ExitCodes.OK;
                    }
                    default -> runService(list, System.getenv());
                };
        System.exit(code);
    }

    /**
     * Runs the queue worker until SIGTERM, SIGINT or a {@code __STOP__} message; returns the exit
     * code.
     */
    static int runService(List<String> args, Map<String, String> env) {
        CommandLineOptions declared = WorkerSettings.declare();
        WorkerSettings settings;
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.requestedText() != null) {
                System.out.print(opts.requestedText());
                return ExitCodes.OK;
            }
            if (!opts.positionals().isEmpty()) {
                throw new InvalidConfigurationException(
                        "unknown command '"
                                + opts.positionals().get(0)
                                + "' (commands: resolve, migrate; none for the queue worker)");
            }
            settings = WorkerSettings.from(opts, env);
        } catch (InvalidConfigurationException e) {
            System.err.println("dns-worker: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
        if (settings.verbose()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                    .setLevel(Level.DEBUG);
        }
        WorkerService service = new WorkerService(settings);
        // SIGTERM drains instead of killing: the JVM's default would run no drain and exit 143
        Signal.handle(new Signal("TERM"), s -> service.requestStop("SIGTERM"));
        Signal.handle(new Signal("INT"), s -> service.requestStop("SIGINT"));
        try {
            service.start();
            service.runUntilStopped();
            return ExitCodes.OK;
        } catch (InvalidConfigurationException
                | DatabaseUnavailableException
                | SchemaMigrationException e) {
            // refused credentials, database or virtual host; an outage; a schema it cannot use
            LOG.error("{}", e.getMessage());
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OTHER;
        }
    }
}
