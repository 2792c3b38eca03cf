/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.testing.ReliabilityReport;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.testing.TestDnsServer.Behavior;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Benchmark, on demand (bench/misbehaving-resolvers-bench.sh; its name keeps it out of the default
 * suite): names/s with one healthy and one misbehaving resolver, side by side with two healthy ones
 * in the same run, with the default settings (1 s timeout, 3 attempts). Every name must still end
 * resolved.
 */
class MisbehavingResolversBench {
    private static final int NAMES = Integer.getInteger("dnsx.bench.names", 200_000);
    private static final int CONCURRENCY = 1000; // resolve's default --concurrency
    private static final ReliabilityReport REPORT =
            new ReliabilityReport(
                    "misbehaving-resolvers",
                    "Second resolver (of two)",
                    "Names",
                    "Names/s",
                    "Ratio to two healthy",
                    "Outcomes");

    private record Result(String label, double rate, String outcomes) {}

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    private static TestDnsServer server(Consumer<TestDnsServer> setup) {
        TestDnsServer s = TestDnsServer.start();
        for (int i = 0; i < NAMES; i++) {
            s.add(
                    "n"
                            + i
                            + ".test. 300 IN A 10."
                            + (i >> 16)
                            + "."
                            + ((i >> 8) & 255)
                            + "."
                            + (i & 255));
        }
        setup.accept(s);
        return s;
    }

    /** Resolves every name with [bad, good]; asserts each resolved name got its true answer. */
    private static Result run(String label, Consumer<TestDnsServer> misbehave) throws Exception {
        try (TestDnsServer good = server(s -> {});
                TestDnsServer bad = server(misbehave);
                DnsClient client =
                        new DnsClient(
                                ResolverSettings.builder(List.of(bad.address(), good.address()))
                                        .build())) {
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            List<String> wrong = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(NAMES);
            // as many names in flight as `resolve` keeps by default
            Semaphore inFlight = new Semaphore(CONCURRENCY);
            System.gc(); // the previous run's garbage is not this run's cost
            long start = System.nanoTime();
            for (int i = 0; i < NAMES; i++) {
                inFlight.acquire();
                String expected = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
                client.lookup(
                        Name.fromString("n" + i + ".test."),
                        Type.A,
                        a -> {
                            synchronized (outcomes) {
                                outcomes.merge(a.outcome(), 1, Integer::sum);
                                if (a.outcome() == Outcome.RESOLVED
                                        && !a.values().equals(List.of(expected))) {
                                    wrong.add(expected + " != " + a.values());
                                }
                            }
                            inFlight.release();
                            done.countDown();
                        });
            }
            assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(wrong).isEmpty();
            return new Result(label, NAMES / seconds, outcomes.toString());
        }
    }

    @Test
    void throughputWithOneMisbehavingResolverSideBySideWithTwoHealthyOnes() throws Exception {
        // the JIT compiles the client and the servers in first runs, which the figures do not count
        for (int i = 0; i < 4; i++) {
            System.out.printf("warm-up %d: %.0f names/s%n", i, run("warm-up", s -> {}).rate());
        }
        List<Result> results =
                List.of(
                        run("healthy (the reference, run first)", s -> {}),
                        run("drops half of its queries", s -> s.dropShare(0.5)),
                        run(
                                "answers SERVFAIL to everything",
                                s -> s.behaveForAll(Behavior.SERVFAIL)),
                        run("answers REFUSED to everything", s -> s.behaveForAll(Behavior.REFUSED)),
                        run("answers with mismatched IDs", s -> s.behaveForAll(Behavior.WRONG_ID)),
                        run(
                                "truncates everything, TCP closed",
                                s -> s.behaveForAll(Behavior.TRUNCATE).closeTcp()),
                        run("never answers (dead)", s -> s.behaveForAll(Behavior.DROP)),
                        run("healthy (the reference, run last)", s -> {}));
        // the better of the two healthy runs is the reference, so that noise never flatters a ratio
        double reference = Math.max(results.get(0).rate(), results.get(results.size() - 1).rate());
        int order = 0;
        for (Result r : results) {
            String ratio = String.format("%.2f", r.rate() / reference);
            System.out.printf(
                    "%-40s %7d names %9.0f names/s  ratio %s  %s%n",
                    r.label(), NAMES, r.rate(), ratio, r.outcomes());
            REPORT.row(
                    order++ + ". " + r.label(),
                    String.valueOf(NAMES),
                    String.format("%.0f", r.rate()),
                    ratio,
                    r.outcomes());
        }
    }
}
