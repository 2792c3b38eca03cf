/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.settings;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
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

    /** Declares the resolver options on a command, with that command's concurrency option. */
    public static CommandLineOptions declare(CommandLineOptions o, Option<Integer> concurrency) {
        return o.add(WorkerOptions.resolverOptions(concurrency));
    }

    public static List<Integer> types(ParsedOptions opts) {
        return RecordTypes.parse(opts.required(SharedOptions.RECORD_TYPES));
    }

    public static ResolverSettings settings(ParsedOptions opts) {
        List<String> list = opts.get(WorkerOptions.RESOLVERS);
        List<InetSocketAddress> resolvers =
                list == null
                        ? ResolverAddress.system()
                        : ResolverAddress.parseList(String.join(",", list));
        double timeoutSeconds = opts.get(WorkerOptions.DNS_TIMEOUT);
        return ResolverSettings.builder(resolvers)
                .timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .attempts(opts.get(WorkerOptions.DNS_RETRIES) + 1)
                .queriesPerSecond(opts.get(WorkerOptions.RESOLVER_QPS))
                .maxWindow(opts.get(WorkerOptions.RESOLVER_WINDOW))
                .sockets(opts.get(WorkerOptions.DNS_SOCKETS))
                .build();
    }
}
