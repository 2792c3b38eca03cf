/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.List;

/**
 * Which resolver gets the next query: round robin over the resolvers with room in their window and
 * rate, leaving aside one that loses many more queries than the best while the others have room.
 */
final class ResolverChoice {
    /** How much more loss than the best resolver's makes a resolver the last choice. */
    static final double LOSS_MARGIN = 0.2;

    private final List<ResolverState> resolvers;
    private int next;

    ResolverChoice(List<ResolverState> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /** The lowest loss of all resolvers; taken once per dispatch pass. */
    double bestLoss() {
        double best = 1;
        for (ResolverState r : resolvers) {
            best = Math.min(best, r.loss());
        }
        return best;
    }

    /**
     * The next resolver with room, skipping {@code avoid} (a retry's last resolver) when there is
     * another, and, while another answers clearly better, a resolver that loses many queries: it
     * gets one query per {@code ResolverState.PROBE_INTERVAL_NANOS} (so that its recovery is seen;
     * a lost probe costs one lookup a timeout, not one in so many), or any query when the better
     * ones have no room. Takes the chosen resolver's token; null when none has room.
     *
     * @param best {@link #bestLoss()} of this dispatch pass
     */
    ResolverState pick(long now, ResolverState avoid, double best) {
        int count = resolvers.size();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                ResolverState r = resolvers.get((next + i) % count);
                if (r == avoid && count > 1) {
                    continue;
                }
                boolean leftAside = r.loss() > best + LOSS_MARGIN;
                if (pass == 0 && leftAside && !r.probeDue(now)) {
                    continue;
                }
                if (r.tryAcquire(now)) {
                    if (leftAside) {
                        r.probed(now);
                    }
                    next = (next + i + 1) % count;
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * Nanoseconds until a rate-limited resolver has a token again, or {@code Long.MAX_VALUE} when
     * only windows hold queries back (answers and timeouts free room then).
     */
    long nanosUntilToken(long now) {
        long wait = Long.MAX_VALUE;
        for (ResolverState r : resolvers) {
            long t = r.nanosUntilToken(now);
            if (t > 0) {
                wait = Math.min(wait, t);
            }
        }
        return wait;
    }
}
