/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.names.NameListFile;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DnsClient;
import io.purplejo.dns.resolve.DomainResolver;
import io.purplejo.dns.resolve.InFlightLimiter;
import io.purplejo.dns.resolve.ResolverSettings;
import io.purplejo.dns.terminal.TerminalWidth;
import io.purplejo.dns.worker.settings.ResolverOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dns-worker.jar resolve}: resolves the names of a file or standard input (one per line, '#'
 * comments and blank lines skipped) and writes each name's result as it completes, in JSON lines,
 * CSV or massdns's text form, to a file or standard output; statistics go to standard error, live
 * while it is a terminal. No database, no queue. Exit codes: 0 every name got its result; 1 the
 * input could not be read or the output written (or fewer results were written than names read); 2
 * a bad option or a file that cannot be resumed; 130 interrupted (what was written is whole, and
 * {@code --resume} continues it).
 */
public final class ResolveCommand {
    private ResolveCommand() {}

    /** The command's options. */
    public static CommandLineOptions declare() {
        return ResolveOptions.declare();
    }

    /** What the options ask for. */
    private record Plan(
            ResolverSettings settings,
            List<Integer> types,
            int concurrency,
            Path input,
            Path output,
            ResultFormat format,
            boolean resume,
            boolean progress) {}

    /** Runs the command with standard error taken for a file, never redrawn. */
    public static int run(
            List<String> args,
            Map<String, String> env,
            InputStream stdin,
            OutputStream stdout,
            PrintStream stderr) {
        return run(args, env, stdin, stdout, stderr, false);
    }

    /** Runs the command; {@code stderrIsTerminal} allows the live statistics line. */
    public static int run(
            List<String> args,
            Map<String, String> env,
            InputStream stdin,
            OutputStream stdout,
            PrintStream stderr,
            boolean stderrIsTerminal) {
        CommandLineOptions declared = declare();
        Plan plan;
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.requestedText() != null) {
                stdout.write(
                        opts.requestedText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                stdout.flush();
                return ExitCodes.OK;
            }
            plan = plan(opts, stderrIsTerminal);
        } catch (InvalidConfigurationException e) {
            stderr.println("resolve: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return resolveAll(plan, stdin, stdout, stderr);
        } catch (InvalidConfigurationException e) {
            stderr.println("resolve: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
    }

    private static Plan plan(ParsedOptions opts, boolean stderrIsTerminal) {
        String input = opts.get(ResolveOptions.INPUT);
        String output = opts.get(ResolveOptions.OUTPUT);
        ResultFormat format = opts.get(ResolveOptions.FORMAT);
        boolean resume = opts.get(ResolveOptions.RESUME);
        if (resume && output == null) {
            throw new InvalidConfigurationException(
                    "--resume continues the results in --output-file FILE; none is given");
        }
        if (resume && !format.resumable()) {
            throw new InvalidConfigurationException(
                    "--resume needs --format json or csv: the text form has no line for a name"
                            + " without records");
        }
        if (input != null && !Files.isReadable(Path.of(input))) {
            throw new InvalidConfigurationException("--domains-file " + input + " cannot be read");
        }
        return new Plan(
                ResolverOptions.settings(opts),
                ResolverOptions.types(opts),
                opts.get(ResolveOptions.CONCURRENCY),
                input == null ? null : Path.of(input),
                output == null ? null : Path.of(output),
                format,
                resume,
                opts.get(ResolveOptions.PROGRESS) && stderrIsTerminal);
    }

    private static int resolveAll(
            Plan plan, InputStream stdin, OutputStream stdout, PrintStream stderr) {
        ResumePoint resumed;
        OutputStream sink;
        ResolveTally tally;
        InputStream names;
        try {
            resumed = resumePoint(plan, stderr);
            tally = new ResolveTally();
            names = plan.input() == null ? stdin : Files.newInputStream(plan.input());
            sink = plan.output() == null ? stdout : openOutput(plan.output(), plan.resume());
        } catch (IOException e) {
            stderr.println("resolve: " + e.getMessage());
            return ExitCodes.OTHER;
        }
        ResultPump pump;
        try {
            pump = new ResultPump(plan.format(), sink, resumed.wholeBytes() > 0, tally);
        } catch (IOException e) {
            stderr.println("resolve: cannot write the results: " + e.getMessage());
            return ExitCodes.OTHER;
        }
        Interruption interruption = new Interruption(pump, tally, plan.output(), stderr);
        long started = System.nanoTime();
        long queries;
        LiveStatistics live = null;
        try (DnsClient client = new DnsClient(plan.settings())) {
            interruption.arm();
            pump.start();
            if (plan.progress()) {
                if (plan.input() != null) {
                    countNames(plan.input(), tally);
                }
                live = new LiveStatistics(tally, stderr, TerminalWidth::columns).start();
                interruption.clearsFirst(live);
            }
            String failure = readAndResolve(plan, names, resumed, client, pump, tally);
            pump.finish();
            queries = client.statistics().queriesSent();
            if (failure != null) {
                stderr.println("resolve: " + failure);
                return ExitCodes.OTHER;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } finally {
            if (live != null) {
                live.close();
            }
            interruption.disarm();
            closeQuietly(names);
            if (plan.output() != null) {
                closeQuietly(sink); // what the writer wrote is flushed; standard output stays open
            }
        }
        return finalReport(plan, pump, tally, stderr, queries, System.nanoTime() - started);
    }

    /**
     * Reads the names, skipping those an earlier run wrote, and resolves the rest with at most the
     * concurrency in flight; returns what went wrong, or null.
     */
    private static String readAndResolve(
            Plan plan,
            InputStream names,
            ResumePoint resumed,
            DnsClient client,
            ResultPump pump,
            ResolveTally tally)
            throws InterruptedException {
        InFlightLimiter limiter = new InFlightLimiter(plan.concurrency());
        DomainResolver resolver = new DomainResolver(client);
        long[] lastLine = new long[1];
        String failure = null;
        try {
            NameListFile.forEach(
                    names,
                    (number, text) -> {
                        lastLine[0] = number;
                        if (pump.failed()) {
                            throw new IOException("the output writer stopped");
                        }
                        if (resumed.isDone(text)) {
                            tally.nameSkipped();
                            return;
                        }
                        tally.nameRead();
                        try {
                            limiter.acquire(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("interrupted");
                        }
                        resolver.resolve(
                                text,
                                plan.types(),
                                r -> {
                                    pump.add(r);
                                    limiter.release(1);
                                });
                    });
        } catch (CharacterCodingException e) {
            // decoded a block ahead of the lines: the bad byte is somewhere after this line
            failure =
                    "the input is not UTF-8 text (a byte after line "
                            + lastLine[0]
                            + " is not); convert it, e.g. with iconv -t UTF-8";
        } catch (InterruptedIOException e) {
            throw new InterruptedException("interrupted while reading the names");
        } catch (IOException e) {
            failure = pump.failed() ? null : "cannot read the input: " + e.getMessage();
        }
        limiter.awaitEmpty();
        return failure;
    }

    private static int finalReport(
            Plan plan,
            ResultPump pump,
            ResolveTally tally,
            PrintStream stderr,
            long queries,
            long nanos) {
        if (pump.failure() != null) {
            Throwable cause = pump.failure();
            stderr.println(
                    cause instanceof IOException
                            ? "resolve: cannot write the results: " + cause.getMessage()
                            : "resolve: the output writer failed: " + cause);
            return ExitCodes.OTHER;
        }
        if (tally.namesWritten() != tally.namesRead()) {
            stderr.printf(
                    Locale.ROOT,
                    "resolve: only %d of %d names got their result%n",
                    tally.namesWritten(),
                    tally.namesRead());
            return ExitCodes.OTHER;
        }
        double seconds = nanos / 1e9;
        stderr.printf(
                Locale.ROOT,
                "resolve: %d names in %.2f s: %.0f names/s, %.0f queries/s (%d queries)%n",
                tally.namesWritten(),
                seconds,
                tally.namesWritten() / seconds,
                queries / seconds,
                queries);
        StringBuilder sb = new StringBuilder("resolve: outcomes");
        for (Map.Entry<Outcome, Long> e : tally.outcomes().entrySet()) {
            sb.append(' ').append(e.getKey().dbName()).append('=').append(e.getValue());
        }
        stderr.println(sb);
        if (tally.namesSkipped() > 0) {
            stderr.printf(
                    Locale.ROOT,
                    "resolve: %d names already in %s were not resolved again%n",
                    tally.namesSkipped(),
                    plan.output());
        }
        return ExitCodes.OK;
    }

    private static ResumePoint resumePoint(Plan plan, PrintStream stderr) throws IOException {
        if (!plan.resume()) {
            return ResumePoint.none();
        }
        ResumePoint point = ResumePoint.read(plan.output(), plan.format());
        if (point.cutsTail()) {
            stderr.printf(
                    Locale.ROOT,
                    "resolve: %s ends in a result cut short by the interruption: %d bytes removed,"
                            + " its name is resolved again%n",
                    plan.output(),
                    point.fileBytes() - point.wholeBytes());
            point.cutTo(plan.output());
        }
        stderr.printf(
                Locale.ROOT,
                "resolve: resuming: %d names already have their result in %s%n",
                point.done().size(),
                plan.output());
        return point;
    }

    private static OutputStream openOutput(Path output, boolean append) throws IOException {
        OutputStream file =
                append
                        ? Files.newOutputStream(
                                output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                        : Files.newOutputStream(output);
        return new BufferedOutputStream(file, 1 << 16);
    }

    /**
     * Counts the file's names on a thread of its own, for the statistics line's total and ETA: a
     * second read of the file, at disk speed, while the first one waits on DNS.
     */
    private static void countNames(Path file, ResolveTally tally) {
        Thread counter =
                new Thread(
                        () -> {
                            long[] n = new long[1];
                            try {
                                NameListFile.forEach(file, (number, text) -> n[0]++);
                                tally.listed(n[0]);
                            } catch (IOException e) {
                                // the reading thread reports what is wrong with the file
                            }
                        },
                        "resolve-count");
        counter.setDaemon(true);
        counter.start();
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // read, or written and flushed: nothing is lost by a failed close
        }
    }
}
