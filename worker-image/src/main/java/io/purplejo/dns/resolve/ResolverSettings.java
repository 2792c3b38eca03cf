/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.lookup.ResolverDefaults;
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

    /** Settings for the given resolvers with the resolver's defaults, to change before use. */
    public static Builder builder(List<InetSocketAddress> resolvers) {
        return new Builder(resolvers);
    }

    /**
     * Settings built step by step from the resolver's defaults ({@code core} {@code
     * lookup.ResolverDefaults}). The deadline follows the timeout and the attempts unless set.
     */
    public static final class Builder {
        private final List<InetSocketAddress> resolvers;
        private Duration timeout =
                Duration.ofMillis(Math.round(ResolverDefaults.TIMEOUT_SECONDS * 1000));
        private int attempts = ResolverDefaults.RETRIES + 1;
        private Duration deadline;
        private int queriesPerSecond;
        private int maxWindow = ResolverDefaults.WINDOW;
        private int sockets = ResolverDefaults.SOCKETS;

        private Builder(List<InetSocketAddress> resolvers) {
            this.resolvers = resolvers;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        /** Queries per lookup at most: 1 + retries. */
        public Builder attempts(int n) {
            this.attempts = n;
            return this;
        }

        /** A lookup's hard limit, instead of the one that follows from timeout and attempts. */
        public Builder deadline(Duration d) {
            this.deadline = d;
            return this;
        }

        /** Per resolver; 0 for no limit. */
        public Builder queriesPerSecond(int qps) {
            this.queriesPerSecond = qps;
            return this;
        }

        /** Per resolver, queries in flight at most. */
        public Builder maxWindow(int window) {
            this.maxWindow = window;
            return this;
        }

        public Builder sockets(int n) {
            this.sockets = n;
            return this;
        }

        public ResolverSettings build() {
            return new ResolverSettings(
                    resolvers,
                    timeout,
                    attempts,
                    deadline != null ? deadline : deadlineFor(timeout, attempts),
                    queriesPerSecond,
                    maxWindow,
                    Math.min(MIN_WINDOW, maxWindow),
                    sockets,
                    EDNS_PAYLOAD);
        }
    }

    /** Every attempt's timeout plus as much again for queueing behind rate limits and TCP. */
    static Duration deadlineFor(Duration timeout, int attempts) {
        return timeout.multipliedBy(2L * attempts);
    }
}
