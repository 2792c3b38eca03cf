/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.config.BuildVersion;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.CommandLineText;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.config.ShellCompletion;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.local.backend.BackendUnavailableException;
import io.purplejo.dns.local.backend.Backends;
import io.purplejo.dns.local.backend.EmbeddedDatabase;
import io.purplejo.dns.local.manifest.RunManifest;
import io.purplejo.dns.local.query.QueryCommand;
import io.purplejo.dns.local.run.DomainLoader;
import io.purplejo.dns.local.run.EndOfRunSummary;
import io.purplejo.dns.local.run.LocalRun;
import io.purplejo.dns.local.run.LoggedProgress;
import io.purplejo.dns.local.run.ProgressBar;
import io.purplejo.dns.local.run.ProgressLines;
import io.purplejo.dns.local.run.ProgressView;
import io.purplejo.dns.local.run.RunReport;
import io.purplejo.dns.names.DuplicateDomains;
import io.purplejo.dns.resolve.ResolverAddress;
import io.purplejo.dns.rules.workload.RunNames;
import io.purplejo.dns.schema.DomainsTableCheck;
import io.purplejo.dns.schema.SchemaMigrationException;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.terminal.Terminal;
import io.purplejo.dns.terminal.TerminalWidth;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Entry point of {@code dns-extraction.jar}: runs a {@code DnsExtractionRun} file on one machine,
 * with the same validation, publisher, workers and completion rule as on a cluster, on a PostgreSQL
 * and a broker of the user's or embedded ones. Exit codes: 0 the run succeeded; 1 it failed or
 * could not finish; 2 a bad file, option or database (fix it, retrying cannot help); 3 PostgreSQL
 * unavailable; 4 the broker unavailable; 130 interrupted.
 */
public final class LocalMain {
    private static final Duration REACHABLE_WITHIN = Duration.ofSeconds(10);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalMain.class);
    private static final String NAMESPACE = "local";
    private static final String USAGE =
            """
            usage: java -jar dns-extraction.jar COMMAND ...
              run FILE [options]      run the DnsExtractionRun of FILE on this machine
              validate FILE           check FILE as the API server would; print the run
                                      with its defaults
              query DOMAIN [options]  print what the database holds for DOMAIN
              db [options]            serve the embedded PostgreSQL until Ctrl-C, for
                                      psql and other tools
              duplicates [options]    list domains stored in more than one row (Unicode
                                      and xn-- spelling, case, trailing dot); exit 1
                                      when there are some
              completion              print the bash/zsh completion script of a
                                      'dns-extraction' command (docs/local-run.md)
            'COMMAND --help' lists a command's options; --version prints the version.
            Without --postgres-dsn and --rabbitmq-url, an embedded PostgreSQL (its data
            in --data-dir, kept between runs) and an embedded broker are used.
            exit codes: 0 the run succeeded; 1 it failed; 2 bad file, option or
            database; 3 PostgreSQL unavailable; 4 broker unavailable; 130 interrupted
            """;

    private static final List<String> COMMANDS =
            List.of("run", "validate", "query", "db", "duplicates");

    private LocalMain() {}

    /**
     * The completion script of a {@code dns-extraction} command: a wrapper script or shell function
     * running {@code java -jar dns-extraction.jar}, since the shell completes commands, not jars.
     */
    static String completionScript() {
        Map<String, CommandLineOptions> commands = new LinkedHashMap<>();
        COMMANDS.forEach(c -> commands.put(c, LocalSettings.declare(c)));
        return ShellCompletion.bash(
                "dns-extraction", new CommandLineOptions("dns-extraction.jar"), commands);
    }

    public static void main(String[] args) {
        System.exit(
                run(
                        Arrays.asList(CommandLineText.recover(args)),
                        System.getenv(),
                        System.out,
                        System.err));
    }

    /** Runs a command; returns its exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        CommandLineOptions declared = LocalSettings.declare(command);
        try {
            if (command.equals("--version")) {
                out.println(BuildVersion.line("dns-extraction.jar"));
                return ExitCodes.OK;
            }
            if (command.equals("completion")) {
                out.print(completionScript());
                return ExitCodes.OK;
            }
            if (!COMMANDS.contains(command)) {
                if (!command.isEmpty() && !command.equals("--help") && !command.equals("-h")) {
                    err.println("dns-extraction: unknown command '" + command + "'");
                    err.print(USAGE);
                    return ExitCodes.CONFIGURATION;
                }
                out.print(USAGE);
                return command.isEmpty() ? ExitCodes.CONFIGURATION : ExitCodes.OK;
            }
            ParsedOptions opts = declared.parse(rest, env);
            if (opts.requestedText() != null) {
                out.print(opts.requestedText());
                return ExitCodes.OK;
            }
            LocalSettings settings = LocalSettings.from(opts, env);
            return switch (command) {
                case "run" ->
                        settings.output() == LocalSettings.Output.SUMMARY
                                ? runFile(argument(opts, "FILE"), settings, out, null)
                                // the document alone on standard output, for jq or yq
                                : runFile(argument(opts, "FILE"), settings, err, out);
                case "validate" -> validate(argument(opts, "FILE"), out);
                case "query" -> query(argument(opts, "DOMAIN"), settings, out);
                case "duplicates" -> duplicates(settings, out);
                default -> serveDatabase(settings, out);
            };
        } catch (InvalidConfigurationException
                | BackendUnavailableException
                | DatabaseUnavailableException
                | SchemaMigrationException e) {
            err.println("dns-extraction: " + e.getMessage());
            return e.exitCode();
        } catch (SQLException e) {
            err.println("dns-extraction: PostgreSQL: " + e.getMessage());
            return ExitCodes.DATABASE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dns-extraction: interrupted");
            return ExitCodes.INTERRUPTED;
        } catch (IOException e) {
            err.println("dns-extraction: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    private static String argument(ParsedOptions opts, String what) {
        if (opts.positionals().size() != 1) {
            throw new InvalidConfigurationException(
                    "expected one "
                            + what
                            + ", got "
                            + opts.positionals().size()
                            + " (--help lists the options)");
        }
        return opts.positionals().get(0);
    }

    /**
     * What can be checked without a database or broker, checked before either starts: a missing
     * list or a malformed resolver is said in a second, not after the first start's unpack.
     */
    static void checkBeforeStarting(LocalSettings settings) {
        Path list = settings.domainsFile();
        if (list != null) {
            if (!Files.exists(list)) {
                throw new InvalidConfigurationException(
                        "--domains-file " + list + ": no such file");
            }
            if (!Files.isRegularFile(list) || !Files.isReadable(list)) {
                throw new InvalidConfigurationException(
                        "--domains-file " + list + ": not a readable file");
            }
        }
        if (settings.resolvers() != null) {
            ResolverAddress.parseList(settings.resolvers());
        }
    }

    private static int validate(String file, PrintStream out) throws IOException {
        DnsExtractionRun run = RunManifest.read(Path.of(file), NAMESPACE);
        run.getMetadata().setUid(null);
        run.setStatus(null);
        run.getMetadata().setGeneration(null);
        run.getMetadata().setCreationTimestamp(null);
        out.print(yaml().writeValueAsString(run));
        return ExitCodes.OK;
    }

    /**
     * Runs FILE; {@code out} is for the person (progress, messages, the summary), {@code document}
     * for the status as {@code -o yaml|json} asks (null for the summary).
     */
    private static int runFile(
            String file, LocalSettings settings, PrintStream out, PrintStream document)
            throws IOException, SQLException, InterruptedException {
        DnsExtractionRun run = RunManifest.read(Path.of(file), NAMESPACE);
        if (Boolean.TRUE.equals(run.getSpec().suspend)) {
            throw new InvalidConfigurationException(
                    file
                            + ": spec.suspend is true: a suspended run does nothing;"
                            + " remove it to run here");
        }
        checkBeforeStarting(settings);
        Path logFile = logFile(settings);
        LocalLogging.configure(logFile, settings.verbose());
        out.println("run " + RunNames.runKey(run) + " from " + file + "; log: " + logFile);
        sayWhatStarts(settings, out);
        // until the run starts, Ctrl-C ends the command at once, with a word (the run's own
        // handlers, installed when it starts, stop it in order)
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(
                    new Signal(name),
                    s -> {
                        out.println();
                        out.println(
                                "dns-extraction: interrupted (SIG"
                                        + name
                                        + ") while starting; nothing ran");
                        out.flush();
                        System.exit(ExitCodes.INTERRUPTED);
                    });
        }
        try (Backends backends =
                Backends.open(
                        settings.postgresDsn(),
                        settings.rabbitmqUrl(),
                        settings.dataDir(),
                        settings.port())) {
            out.println(
                    "database: "
                            + backends.dsn()
                            + (backends.embeddedDatabase() ? " (embedded)" : ""));
            out.println(
                    "broker:   "
                            + backends.uri()
                            + (backends.embeddedBroker() ? " (embedded)" : ""));
            Path selected = prepareBackends(backends, settings, out);
            try {
                return execute(run, backends, settings, selected, out, document);
            } finally {
                if (selected != null) {
                    Files.deleteIfExists(selected);
                }
            }
        }
    }

    /** The first seconds are not silent: what starts, and why the first start takes longer. */
    private static void sayWhatStarts(LocalSettings settings, PrintStream out) {
        List<String> starting = new ArrayList<>();
        if (settings.postgresDsn() == null) {
            starting.add("PostgreSQL");
        }
        if (settings.rabbitmqUrl() == null) {
            starting.add("broker");
        }
        if (starting.isEmpty()) {
            return;
        }
        out.println("starting the embedded " + String.join(" and ", starting) + " ...");
        if (settings.postgresDsn() == null
                && !Backends.embeddedDatabaseUnpacked(settings.dataDir())) {
            out.println(
                    "  the first start unpacks PostgreSQL into "
                            + settings.dataDir()
                            + ": about 10 s");
        }
    }

    private static int execute(
            DnsExtractionRun run,
            Backends backends,
            LocalSettings settings,
            Path selected,
            PrintStream out,
            PrintStream document)
            throws IOException, InterruptedException {
        LocalRun localRun =
                new LocalRun(
                        run,
                        backends,
                        new LocalRun.Options(
                                settings.workers(),
                                settings.resolvers(),
                                Duration.ofMillis(500),
                                selected),
                        view(settings, out),
                        Clock.systemUTC());
        // the first signal stops the run in order; a second one does not wait for the drain
        java.util.concurrent.atomic.AtomicInteger signals =
                new java.util.concurrent.atomic.AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(
                    new Signal(name),
                    s -> {
                        if (signals.incrementAndGet() > 1) {
                            System.exit(ExitCodes.INTERRUPTED);
                        }
                        localRun.requestStop("SIG" + name);
                    });
        }
        RunReport report = localRun.execute();
        printSummary(report.status(), backends, settings, out);
        if (document != null) {
            ObjectMapper mapper =
                    settings.output() == LocalSettings.Output.JSON
                            ? new ObjectMapper()
                                    .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                            : yaml();
            document.println(mapper.writeValueAsString(Map.of("status", report.status())).strip());
            document.flush();
        }
        return report.exitCode();
    }

    /**
     * Before anything runs: both services answer (a CLI says at once that a service is down, where
     * a Job rides an outage out), the embedded database has the schema, a database of the user's is
     * an extraction database, and the list of names is loaded. Returns the list's valid names, the
     * ones the run selects among (null without {@code --domains-file}).
     */
    private static Path prepareBackends(Backends backends, LocalSettings settings, PrintStream out)
            throws SQLException, IOException {
        Path selected = null;
        try (Database db = Database.open(backends.dsn(), 2, "dns-extraction")) {
            db.awaitReachable(REACHABLE_WITHIN);
            if (backends.embeddedDatabase()) {
                new SchemaMigrator(db.dataSource()).migrate();
            } else {
                try (Connection c = db.dataSource().getConnection()) {
                    DomainsTableCheck.require(c, backends.dsn().database());
                }
            }
            requireBroker(backends);
            if (settings.domainsFile() != null) {
                selected = Files.createTempFile(settings.dataDir(), "selected-names-", ".txt");
                try {
                    DomainLoader.Report loaded =
                            DomainLoader.load(db.dataSource(), settings.domainsFile(), selected);
                    out.println(loaded.describe(settings.domainsFile()));
                } catch (RuntimeException | SQLException e) {
                    Files.deleteIfExists(selected);
                    throw e;
                }
            }
        }
        return selected;
    }

    private static void requireBroker(Backends backends) {
        try (com.rabbitmq.client.Connection c =
                AmqpConnections.open(backends.uri(), "dns-extraction")) {
            LOG.debug(
                    "broker {} answers ({})",
                    backends.uri(),
                    c.getServerProperties().get("product"));
        } catch (InvalidConfigurationException e) {
            throw e; // the broker refused the credentials or the virtual host
        } catch (IOException | RuntimeException e) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Backend.BROKER,
                    "RabbitMQ at " + backends.uri() + " cannot be reached: " + e.getMessage(),
                    e);
        }
    }

    private static ProgressView view(LocalSettings settings, PrintStream out) {
        // the person's stream: standard output, or standard error when -o yaml|json takes it
        boolean terminal =
                Terminal.isTerminal(
                        settings.output() == LocalSettings.Output.SUMMARY
                                ? Terminal.STANDARD_OUTPUT
                                : Terminal.STANDARD_ERROR);
        boolean bar =
                settings.progress() == LocalSettings.Progress.BAR
                        || (settings.progress() == LocalSettings.Progress.AUTO && terminal);
        return new LoggedProgress(
                bar
                        ? new ProgressBar(out, TerminalWidth::columns)
                        : new ProgressLines(out, Duration.ofSeconds(5)));
    }

    private static void printSummary(
            DnsExtractionRunStatus status,
            Backends backends,
            LocalSettings settings,
            PrintStream out)
            throws IOException {
        out.println();
        EndOfRunSummary.lines(status, Instant.now()).forEach(out::println);
        String dataDirOption =
                settings.dataDir().equals(LocalSettings.defaultDataDir(System.getenv()))
                        ? ""
                        : " --data-dir " + settings.dataDir();
        if (backends.embeddedDatabase()) {
            out.println(
                    "records of a domain: java -jar dns-extraction.jar query DOMAIN"
                            + dataDirOption);
            out.println(
                    "the database, for psql: "
                            + backends.psqlCommand()
                            + " (served while 'java -jar dns-extraction.jar db"
                            + dataDirOption
                            + "' runs)");
        } else {
            out.println(
                    "records of a domain: java -jar dns-extraction.jar query DOMAIN --postgres-dsn ...");
        }
        if (settings.output() == LocalSettings.Output.SUMMARY) {
            out.println(
                    "the status the DnsExtractionRun would hold: the same command with -o yaml");
        }
    }

    private static int query(String domain, LocalSettings settings, PrintStream out)
            throws SQLException {
        return withDatabase(
                settings,
                ds -> QueryCommand.print(ds, domain, out) ? ExitCodes.OK : ExitCodes.OTHER);
    }

    /** A command that reads the database: returns its exit code. */
    private interface DatabaseCommand {
        int run(javax.sql.DataSource database) throws SQLException;
    }

    /** Runs the command on {@code --postgres-dsn}, or on the data directory's embedded database. */
    private static int withDatabase(LocalSettings settings, DatabaseCommand command)
            throws SQLException {
        EmbeddedDatabase embedded =
                settings.postgresDsn() == null ? startLocalDatabase(settings) : null;
        PostgresDsn dsn =
                embedded != null ? embedded.dsn() : PostgresDsn.parse(settings.postgresDsn());
        try (embedded;
                Database db = Database.open(dsn, 1, "dns-extraction")) {
            return command.run(db.dataSource());
        }
    }

    private static int duplicates(LocalSettings settings, PrintStream out) throws SQLException {
        return withDatabase(settings, ds -> printDuplicates(ds, out));
    }

    private static int printDuplicates(javax.sql.DataSource database, PrintStream out)
            throws SQLException {
        try (java.sql.Connection c = database.getConnection()) {
            List<DuplicateDomains.Group> groups = DuplicateDomains.find(c);
            for (DuplicateDomains.Group g : groups) {
                out.println(
                        g.domain()
                                + ": "
                                + g.rows().stream()
                                        .map(r -> "domains.id " + r.id() + " '" + r.name() + "'")
                                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            out.println(
                    groups.isEmpty()
                            ? "no domain is stored in more than one row"
                            : groups.size()
                                    + " domains are stored in more than one row; the first row of"
                                    + " each is the one new records go to. Nothing was changed:"
                                    + " merging or deleting rows is yours to decide.");
            return groups.isEmpty() ? ExitCodes.OK : ExitCodes.OTHER;
        }
    }

    /** The data directory's embedded PostgreSQL, which a run must have created. */
    private static EmbeddedDatabase startLocalDatabase(LocalSettings settings) {
        requireLocalData(settings);
        LocalLogging.configure(logFile(settings), settings.verbose());
        return EmbeddedDatabase.start(settings.dataDir(), settings.port());
    }

    private static int serveDatabase(LocalSettings settings, PrintStream out)
            throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try (EmbeddedDatabase embedded = startLocalDatabase(settings)) {
            out.println(
                    "serving the embedded PostgreSQL of " + settings.dataDir() + " until Ctrl-C");
            out.println(
                    "DSN: "
                            + embedded.publicDsn()
                            + " (user postgres; its password is in "
                            + embedded.pgpassFile()
                            + ", readable by you only)");
            out.println("psql: " + embedded.psqlCommand());
            out.flush();
            stop.await();
        }
        return ExitCodes.OK;
    }

    private static void requireLocalData(LocalSettings settings) {
        if (!Files.isDirectory(settings.dataDir().resolve("postgres"))) {
            throw new InvalidConfigurationException(
                    "no local database in "
                            + settings.dataDir()
                            + ": run a DnsExtractionRun first (java -jar dns-extraction.jar run FILE), or pass --postgres-dsn");
        }
    }

    private static Path logFile(LocalSettings settings) {
        Path logs = settings.dataDir().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "cannot create " + logs + ": " + e.getMessage());
        }
        return logs.resolve(
                "dns-extraction-"
                        + LocalDateTime.now(java.time.ZoneId.systemDefault())
                                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                        + ".log");
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(
                new YAMLFactory()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    }
}
