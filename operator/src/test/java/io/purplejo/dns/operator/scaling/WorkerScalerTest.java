/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerScalerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static ScalingInput in(
            int current,
            long depth,
            int min,
            int max,
            boolean active,
            boolean suspended,
            Instant candidateSince) {
        return new ScalingInput(
                current,
                depth,
                min,
                max,
                100,
                active,
                suspended,
                NOW,
                candidateSince,
                WINDOW,
                null,
                Duration.ofSeconds(15));
    }

    @Test
    void scalesUpAgainOnlyAfterTheScaleUpPeriod() {
        ScalingInput soon =
                new ScalingInput(
                        2,
                        950,
                        0,
                        10,
                        100,
                        true,
                        false,
                        NOW,
                        null,
                        WINDOW,
                        NOW.minusSeconds(10),
                        Duration.ofSeconds(15));
        ScalingInput later =
                new ScalingInput(
                        2,
                        950,
                        0,
                        10,
                        100,
                        true,
                        false,
                        NOW,
                        null,
                        WINDOW,
                        NOW.minusSeconds(15),
                        Duration.ofSeconds(15));

        assertThat(WorkerScaler.decide(soon).desired()).isEqualTo(2);
        assertThat(WorkerScaler.decide(later).desired()).isEqualTo(4);
    }

    @ParameterizedTest(name = "current {0}, queue {1}, min {2}, max {3} -> {4}")
    @CsvSource({
        // current, depth, min, max, desired
        "0,    0, 0, 10, 1", // an active run keeps one worker even with an empty queue
        "0,  950, 0, 10, 1", // from zero: one, then doubling
        "1,  950, 0, 10, 2",
        "2,  950, 0, 10, 4",
        "4,  950, 0, 10, 8",
        "8,  950, 0, 10, 10", // ceil(950/100) = 10
        "8, 5000, 0, 10, 10", // clamped to max
        "10, 1000, 0, 10, 10", // steady
        "10, 1050, 0, 20, 10", // 11 is within 10% of 10
        "10, 1200, 0, 20, 12", // 12 is not
        "3,   0, 5, 10, 5", // below min: up to min
        "12, 1200, 0, 10, 10", // above max after a spec change: straight down to max
    })
    void scalesTowardsTheBacklogWithinBoundsAndTolerance(
            int current, long depth, int min, int max, int desired) {
        assertThat(WorkerScaler.decide(in(current, depth, min, max, true, false, null)).desired())
                .isEqualTo(desired);
    }

    @Test
    void scalesDownOnlyAfterTheLowerCountWasWantedForTheWholeWindow() {
        ScalingDecision first = WorkerScaler.decide(in(10, 200, 0, 10, true, false, null));
        assertThat(first.desired()).isEqualTo(10);
        assertThat(first.scaleDownCandidateSince()).isEqualTo(NOW);

        ScalingDecision during =
                WorkerScaler.decide(in(10, 200, 0, 10, true, false, NOW.minusSeconds(299)));
        assertThat(during.desired()).isEqualTo(10);
        assertThat(during.scaleDownCandidateSince()).isEqualTo(NOW.minusSeconds(299));

        ScalingDecision after =
                WorkerScaler.decide(in(10, 200, 0, 10, true, false, NOW.minusSeconds(300)));
        assertThat(after.desired()).isEqualTo(2);
        assertThat(after.scaleDownCandidateSince()).isNull();
    }

    @Test
    void aBacklogThatGrowsAgainCancelsThePendingScaleDown() {
        ScalingDecision d =
                WorkerScaler.decide(in(10, 1000, 0, 10, true, false, NOW.minusSeconds(200)));

        assertThat(d.desired()).isEqualTo(10);
        assertThat(d.scaleDownCandidateSince()).isNull();
    }

    @Test
    void scalesToZeroAtOnceWhenTheRunCompletesOrIsSuspended() {
        assertThat(WorkerScaler.decide(in(8, 5000, 2, 10, false, false, null)).desired()).isZero();
        assertThat(WorkerScaler.decide(in(8, 5000, 2, 10, false, false, null)).reason())
                .isEqualTo("run complete");
        assertThat(WorkerScaler.decide(in(8, 5000, 2, 10, true, true, null)).desired()).isZero();
    }

    @Test
    void keepsTheCurrentCountWhenTheQueueCannotBeRead() {
        ScalingDecision d = WorkerScaler.decide(in(6, -1, 0, 10, true, false, null));

        assertThat(d.desired()).isEqualTo(6);
        assertThat(d.metricsUnavailable()).isTrue();
        assertThat(d.reason()).contains("queue depth unavailable");
    }
}
