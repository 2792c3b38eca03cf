/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleSpec.ConcurrencyPolicy;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleDeciderTest {
    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    private static DnsExtractionScheduleSpec spec(
            ConcurrencyPolicy policy, boolean suspend, Long deadline) {
        DnsExtractionScheduleSpec s = new DnsExtractionScheduleSpec();
        s.schedule = "0 2 * * *";
        s.concurrencyPolicy = policy;
        s.suspend = suspend;
        s.startingDeadlineSeconds = deadline;
        return s;
    }

    @ParameterizedTest(name = "{0}, suspend {1}, deadline {2}, last {3}, now {4}, run {5} -> {6}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            # policy, suspend, deadline, last handled,       now,                  earlier run, starts,               replaces, says
            Forbid,  false, -,    -,                    2026-12-01T01:00:00Z, -,         -,                    -,     next run at 2026-12-01T02:00:00Z
            Forbid,  false, -,    -,                    2026-12-01T02:00:05Z, -,         2026-12-01T02:00:00Z, -,     started the run of 2026-12-01T02:00:00Z
            Forbid,  false, -,    2026-12-01T02:00:00Z, 2026-12-01T10:00:00Z, Succeeded, -,                    -,     next run at 2026-12-02T02:00:00Z
            Forbid,  false, -,    2026-12-01T02:00:00Z, 2026-12-08T10:00:00Z, Succeeded, 2026-12-08T02:00:00Z, -,     started the run of 2026-12-08T02:00:00Z
            Forbid,  false, 3600, 2026-12-01T02:00:00Z, 2026-12-02T03:30:00Z, Succeeded, -,                    -,     missed by more than startingDeadlineSeconds
            Forbid,  false, 3600, 2026-12-01T02:00:00Z, 2026-12-02T02:30:00Z, Succeeded, 2026-12-02T02:00:00Z, -,     started the run of
            Forbid,  false, -,    2026-12-01T02:00:00Z, 2026-12-02T02:00:00Z, Resolving, -,                    -,     still going (concurrencyPolicy Forbid)
            Replace, false, -,    2026-12-01T02:00:00Z, 2026-12-02T02:00:00Z, Resolving, 2026-12-02T02:00:00Z, old,   replacing old
            Allow,   false, -,    2026-12-01T02:00:00Z, 2026-12-02T02:00:00Z, Resolving, 2026-12-02T02:00:00Z, -,     started the run of
            Allow,   false, -,    2026-12-01T02:00:00Z, 2026-12-02T02:00:00Z, -,         2026-12-02T02:00:00Z, -,     started the run of
            Forbid,  true,  -,    2026-12-01T02:00:00Z, 2026-12-02T02:00:00Z, -,         -,                    -,     suspended
            """)
    void aDueTimeStartsOneRunUnlessThePolicyOrTheDeadlineSaysOtherwise(
            ConcurrencyPolicy policy,
            boolean suspend,
            Long deadline,
            String last,
            String now,
            RunPhase earlierRun,
            String starts,
            String replaces,
            String says) {
        List<ScheduledRun> runs = new ArrayList<>();
        if (earlierRun != null) {
            runs.add(new ScheduledRun("old", Instant.parse("2026-12-01T02:00:00Z"), earlierRun));
        }

        ScheduleDecision d =
                ScheduleDecider.decide(
                        spec(policy, suspend, deadline),
                        last == null ? null : Instant.parse(last),
                        CREATED,
                        runs,
                        Instant.parse(now));

        assertThat(d.create()).isEqualTo(starts == null ? null : Instant.parse(starts));
        assertThat(d.replace()).isEqualTo(replaces == null ? List.of() : List.of(replaces));
        assertThat(d.message()).contains(says);
        assertThat(d.problem()).isNull();
        if (suspend) {
            assertThat(d.nextScheduleTime()).isNull();
        }
    }

    @Test
    void aTimeThatAlreadyHasItsRunStartsNothingWhoeverAsks() {
        Instant slot = Instant.parse("2026-12-02T02:00:00Z");
        ScheduleDecision d =
                ScheduleDecider.decide(
                        spec(ConcurrencyPolicy.Allow, false, null),
                        Instant.parse("2026-12-01T02:00:00Z"),
                        CREATED,
                        List.of(new ScheduledRun("s-1", slot, RunPhase.Pending)),
                        slot.plusSeconds(5));

        assertThat(d.create()).isNull();
        assertThat(d.lastScheduleTime()).isEqualTo(slot);
    }

    @Test
    void anUnreadableScheduleIsAProblemAndStartsNothing() {
        DnsExtractionScheduleSpec s = spec(ConcurrencyPolicy.Forbid, false, null);
        s.schedule = "0 25 * * *";

        ScheduleDecision d = ScheduleDecider.decide(s, null, CREATED, List.of(), CREATED);

        assertThat(d.create()).isNull();
        assertThat(d.problem()).contains("schedule '0 25 * * *'");
    }

    @ParameterizedTest(name = "{0} succeeded and {1} failed, keeping {2} and {3} -> prune {4}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            5, 2, 3, 1, 's0,s1,f0'
            2, 0, 3, 1, -
            3, 3, 0, 0, 's0,s1,s2,f0,f1,f2'
            """)
    void finishedRunsBeyondTheHistoryLimitsArePrunedOldestFirst(
            int succeeded, int failed, int keepSucceeded, int keepFailed, String pruned) {
        DnsExtractionScheduleSpec s = spec(ConcurrencyPolicy.Forbid, false, null);
        s.successfulRunsHistoryLimit = keepSucceeded;
        s.failedRunsHistoryLimit = keepFailed;
        List<ScheduledRun> runs = new ArrayList<>();
        for (int i = 0; i < succeeded; i++) {
            runs.add(new ScheduledRun("s" + i, CREATED.plusSeconds(3600L * i), RunPhase.Succeeded));
        }
        for (int i = 0; i < failed; i++) {
            runs.add(new ScheduledRun("f" + i, CREATED.plusSeconds(60L * i), RunPhase.Failed));
        }
        runs.add(new ScheduledRun("going", CREATED.minusSeconds(60), RunPhase.Resolving));

        assertThat(ScheduleDecider.prune(s, runs))
                .containsExactlyElementsOf(pruned == null ? List.of() : List.of(pruned.split(",")));
    }
}
