/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.ResolverAddress;
import io.purplejo.dns.resolve.ResolverSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The DNS options the service and the {@code resolve} command share, and how they become settings.
 */
public final class ResolverOptions {
    private ResolverOptions() {}

    /** Declares the shared DNS options on a command. */
    public static CommandLineOptions declare(CommandLineOptions o, String defaultConcurrency) {
        return o.value(
                        "resolvers",
                        "DNS_RESOLVERS",
                        null,
                        "comma-separated resolver IP[:port] list; default: the system's resolvers")
                .value(
                        "types",
                        "DNS_RECORD_TYPES",
                        String.join(",", RecordTypes.DEFAULT),
                        "record types to extract")
                .value(
                        "concurrency",
                        "CONCURRENCY",
                        defaultConcurrency,
                        "domains resolving at once")
                .value(
                        "dns-timeout",
                        "DNS_TIMEOUT",
                        "1.0",
                        "seconds one query waits for its answer")
                .value(
                        "dns-retries",
                        "DNS_RETRIES",
                        "2",
                        "retries of a query after a timeout, SERVFAIL or REFUSED")
                .value(
                        "resolver-qps",
                        "DNS_RESOLVER_QPS",
                        "0",
                        "queries per second per resolver, 0 for no limit")
                .value(
                        "resolver-window",
                        "DNS_RESOLVER_WINDOW",
                        "2000",
                        "queries in flight per resolver at most")
                .value(
                        "dns-sockets",
                        "DNS_SOCKETS",
                        "4",
                        "UDP sockets (random source ports) to spread queries over");
    }

    public static List<Integer> types(ParsedOptions opts) {
        return RecordTypes.parse(opts.required("types"));
    }

    public static ResolverSettings settings(ParsedOptions opts) {
        String list = opts.string("resolvers");
        List<InetSocketAddress> resolvers =
                list == null || list.isBlank()
                        ? ResolverAddress.system()
                        : ResolverAddress.parseList(list);
        double timeoutSeconds = opts.decimal("dns-timeout", 0.05, 60);
        int retries = opts.integer("dns-retries", 0, 10);
        return ResolverSettings.defaults(resolvers)
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withAttempts(retries + 1)
                .withQueriesPerSecond(opts.integer("resolver-qps", 0, 10_000_000))
                .withMaxWindow(opts.integer("resolver-window", 1, 60_000))
                .withSockets(opts.integer("dns-sockets", 1, 64));
    }
}
