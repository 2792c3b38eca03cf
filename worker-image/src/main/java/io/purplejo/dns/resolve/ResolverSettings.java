/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.config.WorkerOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the DNS client queries its resolvers.
 *
 * @param resolvers recursive resolvers; each retry goes to another one when there are several
 * @param timeout how long one UDP attempt waits for its answer
 * @param attempts queries per lookup at most (1 + retries)
 * @param deadline hard limit on a lookup from its first query, retries and TCP included (time spent
 *     waiting for room before it is not counted: a lookup never asked is never late)
 * @param queriesPerSecond per resolver; 0 for no limit
 * @param maxWindow per resolver, queries in flight at most
 * @param minWindow per resolver, the in-flight window never shrinks below this
 * @param sockets UDP sockets to spread queries over (each with its own random source port)
 * @param ednsPayload EDNS0 UDP payload size advertised; 0 to send no OPT record
 */
public record ResolverSettings(
        List<InetSocketAddress> resolvers,
        Duration timeout,
        int attempts,
        Duration deadline,
        int queriesPerSecond,
        int maxWindow,
        int minWindow,
        int sockets,
        int ednsPayload) {

    public ResolverSettings {
        resolvers = List.copyOf(resolvers);
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one resolver is needed");
        }
        if (attempts < 1
                || sockets < 1
                || maxWindow < 1
                || minWindow < 1
                || minWindow > maxWindow) {
            throw new IllegalArgumentException("invalid resolver settings");
        }
    }

    /** The window never shrinks below this many queries, so a resolver that recovers is seen. */
    static final int MIN_WINDOW = 8;

    /**
     * The EDNS0 UDP payload advertised: the DNS Flag Day 2020 size, which no common path fragments.
     */
    static final int EDNS_PAYLOAD = 1232;

    /** Settings for the given resolvers with the defaults of the worker's options. */
    public static ResolverSettings defaults(List<InetSocketAddress> resolvers) {
        Duration timeout =
                Duration.ofMillis(Math.round(WorkerOptions.DEFAULT_DNS_TIMEOUT_SECONDS * 1000));
        int attempts = WorkerOptions.DEFAULT_DNS_RETRIES + 1;
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                deadlineFor(timeout, attempts),
                0,
                WorkerOptions.DEFAULT_RESOLVER_WINDOW,
                MIN_WINDOW,
                WorkerOptions.DEFAULT_DNS_SOCKETS,
                EDNS_PAYLOAD);
    }

    public ResolverSettings withTimeout(Duration t) {
        return new ResolverSettings(
                resolvers,
                t,
                attempts,
                deadlineFor(t, attempts),
                queriesPerSecond,
                maxWindow,
                minWindow,
                sockets,
                ednsPayload);
    }

    public ResolverSettings withAttempts(int n) {
        return new ResolverSettings(
                resolvers,
                timeout,
                n,
                deadlineFor(timeout, n),
                queriesPerSecond,
                maxWindow,
                minWindow,
                sockets,
                ednsPayload);
    }

    public ResolverSettings withQueriesPerSecond(int qps) {
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                deadline,
                qps,
                maxWindow,
                minWindow,
                sockets,
                ednsPayload);
    }

    public ResolverSettings withMaxWindow(int window) {
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                deadline,
                queriesPerSecond,
                window,
                Math.min(minWindow, window),
                sockets,
                ednsPayload);
    }

    public ResolverSettings withDeadline(Duration d) {
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                d,
                queriesPerSecond,
                maxWindow,
                minWindow,
                sockets,
                ednsPayload);
    }

    public ResolverSettings withSockets(int n) {
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                deadline,
                queriesPerSecond,
                maxWindow,
                minWindow,
                n,
                ednsPayload);
    }

    public ResolverSettings withEdnsPayload(int payload) {
        return new ResolverSettings(
                resolvers,
                timeout,
                attempts,
                deadline,
                queriesPerSecond,
                maxWindow,
                minWindow,
                sockets,
                payload);
    }

    /** Every attempt's timeout plus as much again for queueing behind rate limits and TCP. */
    static Duration deadlineFor(Duration timeout, int attempts) {
        return timeout.multipliedBy(2L * attempts);
    }
}
