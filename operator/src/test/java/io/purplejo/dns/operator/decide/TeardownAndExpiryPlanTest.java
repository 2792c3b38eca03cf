/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.operator.observe.QueueClaim;
import io.purplejo.dns.operator.observe.TeardownObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure plans of a run's end: its teardown, its TTL and its outcome retention. */
class TeardownAndExpiryPlanTest {
    private static final Instant DONE = Instant.parse("2026-12-01T10:00:00Z");

    private static QueueClaim claimOf(String claimed) {
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder().withName("r").withNamespace("ns").withUid("u").build());
        run.setSpec(new DnsExtractionRunSpec());
        run.setStatus(new DnsExtractionRunStatus());
        run.getStatus().queue = claimed;
        return QueueClaim.of(run, List.of(run));
    }

    @ParameterizedTest(name = "{0} pods, claimed {1}, keep {2} -> {3}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            2, q, false, WAIT_FOR_PODS
            2, -, true,  WAIT_FOR_PODS
            0, -, false, DONE
            0, q, true,  KEEP_QUEUE
            0, q, false, DELETE_QUEUE
            """)
    void workloadsGoBeforeTheQueueAndAKeptQueueStays(
            int pods, String claimed, boolean keep, TeardownPlan.Step expected) {
        TeardownPlan plan =
                TeardownPlan.decide(new TeardownObservation(pods, claimOf(claimed), keep, null));

        assertThat(plan.step()).isEqualTo(expected);
        if (expected == TeardownPlan.Step.DELETE_QUEUE
                || expected == TeardownPlan.Step.KEEP_QUEUE) {
            assertThat(plan.queue()).isEqualTo("q");
        }
    }

    @ParameterizedTest(name = "ttl {0}, deleteRun {1}, children removed {2}, {3} s after -> {4}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            -,  false, false, 9999, NONE
            60, false, false, 30,   WAIT
            60, true,  false, 30,   WAIT
            60, false, false, 60,   REMOVE_CHILDREN
            60, false, true,  600,  NONE
            60, true,  false, 60,   DELETE_RUN
            0,  false, false, 0,    REMOVE_CHILDREN
            """)
    void theTtlRemovesChildrenOnceAndDeletesTheRunOnlyWhenAskedTo(
            Integer ttl,
            boolean deleteRun,
            boolean childrenRemoved,
            int secondsAfter,
            ExpiryPlan.Action expected) {
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.ttlSecondsAfterFinished = ttl;
        spec.deleteRunAfterTtl = deleteRun;
        DnsExtractionRunStatus status = new DnsExtractionRunStatus();
        status.completionTime = DONE.toString();
        status.childrenRemovedTime = childrenRemoved ? DONE.plusSeconds(ttl).toString() : null;

        ExpiryPlan plan = ExpiryPlan.decide(spec, status, DONE.plusSeconds(secondsAfter));

        assertThat(plan.action()).isEqualTo(expected);
        if (expected == ExpiryPlan.Action.WAIT) {
            assertThat(plan.untilExpiry())
                    .isGreaterThan(Duration.ofSeconds(ttl - secondsAfter))
                    .isLessThan(Duration.ofSeconds(ttl - secondsAfter + 1));
        }
    }

    @ParameterizedTest(name = "retention {0} d, {1}, dropped {2}, {3} h after -> {4}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            -, Succeeded,  false, 9999, NONE
            2, Resolving,  false, 9999, NONE
            2, Succeeded,  false, 47,   WAIT
            2, Failed,     false, 47,   WAIT
            2, Succeeded,  false, 48,   APPLY
            2, Failed,     false, 100,  APPLY
            2, Succeeded,  true,  100,  NONE
            """)
    void theRetentionIsAppliedOnceToAFinishedRunWhenItsDaysHavePassed(
            Integer days,
            io.purplejo.dns.api.v1alpha1.RunPhase phase,
            boolean dropped,
            int hoursAfter,
            RetentionPlan.Action expected) {
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.outcomeRetentionDays = days;
        DnsExtractionRunStatus status = new DnsExtractionRunStatus();
        status.phase = phase;
        status.completionTime = phase.finished() ? DONE.toString() : null;
        status.outcomesDroppedTime = dropped ? DONE.plus(Duration.ofDays(3)).toString() : null;

        RetentionPlan plan =
                RetentionPlan.decide(spec, status, DONE.plus(Duration.ofHours(hoursAfter)));

        assertThat(plan.action()).isEqualTo(expected);
        if (expected == RetentionPlan.Action.WAIT) {
            assertThat(plan.untilDue()).isEqualTo(Duration.ofHours(days * 24L - hoursAfter));
        }
    }
}
