/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConditionsTest {
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    /**
     * kstatus's rules for a resource it has no special case for (sigs.k8s.io/cli-utils
     * pkg/kstatus/status, generic conditions): Reconciling True is InProgress, else Stalled True is
     * Failed, else Current.
     */
    private static String kstatus(List<Condition> c) {
        if (Conditions.isTrue(c, RunConditions.RECONCILING)) {
            return "InProgress";
        }
        if (Conditions.isTrue(c, RunConditions.STALLED)) {
            return "Failed";
        }
        // measured with the library (e2e/gitops): a Ready that is not True is InProgress
        return Conditions.has(c, RunConditions.READY) && !Conditions.isTrue(c, RunConditions.READY)
                ? "InProgress"
                : "Current";
    }

    @ParameterizedTest(name = "{0} problem={1}: Reconciling={2} Stalled={3} Ready={4} -> {5}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            Pending,    -,                    true,  false, false, InProgress
            Pending,    INVALID_SPEC,         false, true,  false, Failed
            Pending,    DATABASE_REFUSED,     false, true,  false, Failed
            Pending,    BROKER_REFUSED,       false, true,  false, Failed
            Pending,    QUEUE_IN_USE,         true,  false, false, InProgress
            Publishing, -,                    true,  false, false, InProgress
            Resolving,  -,                    true,  false, false, InProgress
            Resolving,  DATABASE_UNAVAILABLE, true,  false, false, InProgress
            Resolving,  INVALID_SPEC,         false, true,  false, Failed
            Suspended,  -,                    false, false, false, Current
            Succeeded,  -,                    false, false, true,  Current
            Failed,     -,                    false, true,  false, Failed
            """)
    void eachPhaseSetsTheConditionsGitOpsToolsRead(
            RunPhase phase,
            ProblemReason problem,
            boolean reconciling,
            boolean stalled,
            boolean ready,
            String expected) {
        RunProblem stuck =
                problem == null
                        ? null
                        : RunConditions.stuckOn(List.of(new RunProblem(problem, "what is wrong")));

        List<Condition> c =
                RunConditions.forPhase(List.of(), phase, "Reason", "message", stuck, 3, T);

        assertThat(Conditions.isTrue(c, RunConditions.RECONCILING)).isEqualTo(reconciling);
        assertThat(Conditions.isTrue(c, RunConditions.STALLED)).isEqualTo(stalled);
        assertThat(Conditions.isTrue(c, RunConditions.READY)).isEqualTo(ready);
        assertThat(Conditions.isTrue(c, Conditions.COMPLETE))
                .isEqualTo(phase == RunPhase.Succeeded);
        assertThat(Conditions.isTrue(c, Conditions.FAILED)).isEqualTo(phase == RunPhase.Failed);
        assertThat(kstatus(c)).isEqualTo(expected);
        assertThat(c).allSatisfy(x -> assertThat(x.getObservedGeneration()).isEqualTo(3L));
        if (stalled && phase != RunPhase.Failed) {
            assertThat(c)
                    .filteredOn(x -> x.getType().equals(RunConditions.STALLED))
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.getReason()).isEqualTo(problem.conditionReason());
                                assertThat(x.getMessage()).isEqualTo("what is wrong");
                            });
        }
    }
}
