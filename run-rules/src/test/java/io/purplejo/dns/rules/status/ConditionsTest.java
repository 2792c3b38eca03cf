/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-28T11:00:00Z");

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusFlips() {
        List<Condition> c =
                Conditions.set(List.of(), Conditions.PROGRESSING, true, "Publishing", "a", 1, T1);
        c = Conditions.set(c, Conditions.PROGRESSING, true, "Resolving", "b", 2, T2);

        assertThat(c)
                .singleElement()
                .satisfies(
                        x -> {
                            assertThat(x.getLastTransitionTime()).isEqualTo(T1.toString());
                            assertThat(x.getReason()).isEqualTo("Resolving");
                            assertThat(x.getObservedGeneration()).isEqualTo(2L);
                        });

        c = Conditions.set(c, Conditions.PROGRESSING, false, "Completed", "c", 2, T2);
        assertThat(c.get(0).getLastTransitionTime()).isEqualTo(T2.toString());
        assertThat(c.get(0).getStatus()).isEqualTo("False");
    }

    @Test
    void otherConditionsAreKept() {
        List<Condition> c =
                Conditions.set(
                        List.of(), Conditions.DEGRADED, true, "QueueUnavailable", "x", 1, T1);
        c = Conditions.set(c, Conditions.COMPLETE, true, "Completed", "y", 1, T2);

        assertThat(c)
                .extracting(Condition::getType)
                .containsExactly(Conditions.DEGRADED, Conditions.COMPLETE);
        assertThat(Conditions.isTrue(c, Conditions.DEGRADED)).isTrue();
        assertThat(Conditions.isTrue(c, Conditions.FAILED)).isFalse();
    }
}
