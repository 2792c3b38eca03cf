/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryIdsTest {

    @Test
    void neverHandsOutAnIdInUseOnTheSameSocket() {
        QueryIds<String> ids = new QueryIds<>(2);
        Set<Integer> taken = new HashSet<>();

        for (int i = 0; i < 20_000; i++) {
            int id = ids.take(0, "q" + i);
            assertThat(id).isBetween(0, QueryIds.ID_SPACE - 1);
            assertThat(taken.add(id)).as("id %d handed out twice", id).isTrue();
        }
        assertThat(ids.inUse(0)).isEqualTo(20_000);
        assertThat(ids.inUse(1)).isZero();
    }

    @Test
    void refusesMoreThanHalfOfTheIdSpaceSoThatIdsStayHardToGuess() {
        QueryIds<Integer> ids = new QueryIds<>(1);
        int taken = 0;
        while (ids.take(0, taken) >= 0) {
            taken++;
        }

        // random tries may give up a little before half on a crowded table, never after it
        assertThat(taken).isBetween(QueryIds.ID_SPACE / 4, QueryIds.ID_SPACE / 2 + 1);
        assertThat(ids.take(0, -1)).isEqualTo(-1);
    }

    @Test
    void anIdIsFoundByItsHolderAndFreedOnlyByIt() {
        QueryIds<String> ids = new QueryIds<>(1);
        int id = ids.take(0, "first");

        ids.release(0, id, "someone else");
        assertThat(ids.holder(0, id)).isEqualTo("first");

        ids.release(0, id, "first");
        assertThat(ids.holder(0, id)).isNull();
        assertThat(ids.inUse(0)).isZero();
    }
}
