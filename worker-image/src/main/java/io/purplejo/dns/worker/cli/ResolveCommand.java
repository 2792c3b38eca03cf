/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DnsClient;
import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.DomainResolver;
import io.purplejo.dns.resolve.InFlightLimiter;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.resolve.ResolverSettings;
import io.purplejo.dns.resolve.TypeAnswer;
import io.purplejo.dns.worker.settings.ResolverOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code dns-worker.jar resolve}: resolves the names on standard input (one per line) and prints
 * one JSON line per name, in the order they complete, with a summary on standard error. No
 * database, no queue. Exit codes: 0 every name got its output line; 1 the output could not be
 * written (or fewer lines were written than names read); 2 a bad option.
 */
public final class ResolveCommand {
    /** The writer's end marker: compared by identity, as no resolution is this instance. */
    private static final DomainResolution END = DomainResolution.invalid("", "end");

    /** More lookups in flight than the worker's default: nothing waits on a database here. */
    static final Option<Integer> CONCURRENCY = WorkerOptions.CONCURRENCY.withDefault("1000");

    private ResolveCommand() {}

    /** The command's options. */
    public static CommandLineOptions declare() {
        return ResolverOptions.declare(
                new CommandLineOptions("dns-worker.jar resolve"), CONCURRENCY);
    }

    /** What the options ask for. */
    private record Plan(ResolverSettings settings, List<Integer> types, int concurrency) {}

    public static int run(
            List<String> args,
            Map<String, String> env,
            InputStream stdin,
            OutputStream stdout,
            PrintStream stderr) {
        CommandLineOptions declared = declare();
        Plan plan;
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.helpRequested()) {
                stdout.write(declared.usage().getBytes(StandardCharsets.UTF_8));
                return ExitCodes.OK;
            }
            plan =
                    new Plan(
                            ResolverOptions.settings(opts),
                            ResolverOptions.types(opts),
                            opts.get(CONCURRENCY));
        } catch (InvalidConfigurationException e) {
            stderr.println("resolve: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resolveAll(plan, stdin, stdout, stderr);
    }

    private static int resolveAll(
            Plan plan, InputStream stdin, OutputStream stdout, PrintStream stderr) {
        InFlightLimiter limiter = new InFlightLimiter(plan.concurrency());
        // the loop thread hands results over without waking the writer; the writer polls
        Queue<DomainResolution> done = new ConcurrentLinkedQueue<>();
        Map<Outcome, Long> domainOutcomes = new EnumMap<>(Outcome.class);
        long[] counted = new long[1];
        Thread writer =
                new Thread(
                        () -> writeResults(done, stdout, domainOutcomes, counted),
                        "resolve-writer");
        // a writer that dies must fail the command: every input line is owed its output line
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        writer.setUncaughtExceptionHandler((t, e) -> writerFailure.set(e));
        long started = System.nanoTime();
        long queries;
        long names = 0;
        try (DnsClient client = new DnsClient(plan.settings())) {
            writer.start();
            DomainResolver resolver = new DomainResolver(client);
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = in.readLine()) != null && writerFailure.get() == null) {
                if (line.isBlank()) {
                    continue;
                }
                names++;
                limiter.acquire(1);
                resolver.resolve(
                        line,
                        plan.types(),
                        r -> {
                            done.add(r);
                            limiter.release(1);
                        });
            }
            limiter.awaitEmpty();
            done.add(END);
            writer.join();
            queries = client.statistics().queriesSent();
        } catch (IOException e) {
            stderr.println("resolve: cannot read standard input: " + e.getMessage());
            return ExitCodes.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
        if (writerFailure.get() != null) {
            Throwable failed = writerFailure.get();
            Throwable cause = failed instanceof UncheckedIOException u ? u.getCause() : failed;
            stderr.println(
                    cause instanceof IOException
                            ? "resolve: cannot write the results: " + cause.getMessage()
                            : "resolve: the output writer failed: " + cause);
            return ExitCodes.OTHER;
        }
        if (counted[0] != names) {
            stderr.println(
                    "resolve: only "
                            + counted[0]
                            + " of "
                            + names
                            + " names got their output line");
            return ExitCodes.OTHER;
        }
        summarize(stderr, counted[0], queries, System.nanoTime() - started, domainOutcomes);
        return ExitCodes.OK;
    }

    private static void summarize(
            PrintStream stderr, long names, long queries, long nanos, Map<Outcome, Long> outcomes) {
        double seconds = nanos / 1e9;
        stderr.printf(
                "resolve: %d names in %.2f s: %.0f names/s, %.0f queries/s (%d queries)%n",
                names, seconds, names / seconds, queries / seconds, queries);
        StringBuilder sb = new StringBuilder("resolve: outcomes");
        outcomes.forEach((k, v) -> sb.append(' ').append(k.dbName()).append('=').append(v));
        stderr.println(sb);
    }

    private static void writeResults(
            Queue<DomainResolution> done,
            OutputStream stdout,
            Map<Outcome, Long> outcomes,
            long[] counted) {
        JsonFactory json = new JsonFactory();
        try {
            BufferedWriter out =
                    new BufferedWriter(
                            new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
            JsonGenerator g = json.createGenerator(out);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            while (true) {
                DomainResolution r = done.poll();
                if (r == null) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                if (isEnd(r)) {
                    break;
                }
                counted[0]++;
                outcomes.merge(r.outcome(), 1L, Long::sum);
                writeOne(g, r);
            }
            g.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeOne(JsonGenerator g, DomainResolution r) throws IOException {
        g.writeStartObject();
        g.writeStringField("domain", r.name() == null ? r.input() : r.name().stored());
        g.writeStringField("status", r.outcome().dbName());
        if (r.invalidReason() != null) {
            g.writeStringField("reason", r.invalidReason());
        }
        for (TypeAnswer a : r.answers().values()) {
            g.writeObjectFieldStart(RecordTypes.name(a.type()));
            g.writeStringField("status", a.outcome().dbName());
            g.writeArrayFieldStart("values");
            List<RecordValue.Text> binary = new ArrayList<>();
            for (RecordValue v : a.records()) {
                if (v.text() != null) {
                    g.writeString(v.text());
                } else if (v instanceof RecordValue.Text txt) {
                    binary.add(txt);
                }
            }
            g.writeEndArray();
            if (!binary.isEmpty()) {
                // TXT bytes that are not UTF-8 text: printed exactly, as base64
                g.writeArrayFieldStart("values_base64");
                for (RecordValue.Text txt : binary) {
                    g.writeString(Base64.getEncoder().encodeToString(txt.bytes()));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    @SuppressWarnings(
            "ReferenceEquality") // END is a marker instance, never equal to a real resolution
    private static boolean isEnd(DomainResolution r) {
        return r == END;
    }
}
