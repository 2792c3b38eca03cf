/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverChoiceTest {
    private static final long NOW = 1_000_000_000_000L;

    private static List<ResolverState> resolvers(int count, int qps, int window) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(new InetSocketAddress("127.0.0." + (i + 1), 53));
        }
        ResolverSettings s =
                ResolverSettings.builder(addresses)
                        .timeout(Duration.ofSeconds(1))
                        .queriesPerSecond(qps)
                        .maxWindow(window)
                        .build();
        List<ResolverState> out = new ArrayList<>();
        for (InetSocketAddress a : s.resolvers()) {
            out.add(new ResolverState(a, s, NOW));
        }
        return out;
    }

    /** Takes a query and returns the resolver, with the query counted in its window. */
    private static ResolverState pick(ResolverChoice choice, ResolverState avoid) {
        ResolverState r = choice.pick(NOW, avoid, choice.bestLoss());
        if (r != null) {
            r.querySent();
        }
        return r;
    }

    private static void losing(ResolverState r) {
        for (int i = 0; i < ResolverState.LOSS_MEMORY; i++) {
            r.onAttemptEnded(false);
        }
    }

    @Test
    void takesTheResolversInTurn() {
        List<ResolverState> rs = resolvers(3, 0, 100);
        ResolverChoice choice = new ResolverChoice(rs);

        assertThat(
                        List.of(
                                pick(choice, null),
                                pick(choice, null),
                                pick(choice, null),
                                pick(choice, null)))
                .containsExactly(rs.get(0), rs.get(1), rs.get(2), rs.get(0));
    }

    @Test
    void aRetryGoesToAnotherResolverUnlessThereIsNoOther() {
        List<ResolverState> rs = resolvers(2, 0, 100);
        ResolverChoice choice = new ResolverChoice(rs);

        for (int i = 0; i < 4; i++) {
            assertThat(pick(choice, rs.get(0))).isSameAs(rs.get(1));
        }
        ResolverState alone = resolvers(1, 0, 100).get(0);
        assertThat(pick(new ResolverChoice(List.of(alone)), alone)).isSameAs(alone);
    }

    @Test
    void aLossyResolverGetsOnlyProbesWhileABetterOneHasRoom() {
        List<ResolverState> rs = resolvers(2, 0, 100);
        losing(rs.get(1));
        ResolverChoice choice = new ResolverChoice(rs);

        List<ResolverState> picked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            picked.add(pick(choice, null));
        }

        // one probe per probe interval, and the clock stands still here
        assertThat(picked).filteredOn(r -> r == rs.get(1)).hasSize(1);
        assertThat(picked).filteredOn(r -> r == rs.get(0)).hasSize(49);
    }

    @Test
    void aLossyResolverStillTakesQueriesWhenTheBetterOnesAreFull() {
        List<ResolverState> rs = resolvers(2, 0, 2);
        losing(rs.get(1));
        ResolverChoice choice = new ResolverChoice(rs);

        List<ResolverState> picked = new ArrayList<>();
        ResolverState r;
        while ((r = pick(choice, null)) != null) {
            picked.add(r);
        }

        assertThat(picked).hasSize(4);
        assertThat(picked).filteredOn(x -> x == rs.get(1)).hasSize(2);
    }

    @Test
    void waitsForTheNextTokenOnlyWhenARateHoldsQueriesBack() {
        assertThat(new ResolverChoice(resolvers(2, 0, 10)).nanosUntilToken(NOW))
                .isEqualTo(Long.MAX_VALUE);

        List<ResolverState> limited = resolvers(1, 20, 100);
        ResolverChoice choice = new ResolverChoice(limited);
        while (pick(choice, null) != null) {
            // spend the burst
        }

        assertThat(choice.nanosUntilToken(NOW)).isBetween(1L, 50_000_000L);
    }
}
