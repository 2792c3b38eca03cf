/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseMachineTest {

    /**
     * "-" unknown; "publishing:P:D" or "published:P:D": the row's state, published and done
     * domains.
     */
    static RunProgress progress(String text) {
        if (text.equals("-")) {
            return null;
        }
        String[] p = text.split(":");
        return new RunProgress(
                1,
                p[0],
                Long.parseLong(p[1]),
                Long.parseLong(p[1]),
                Map.of(Outcome.RESOLVED, Long.parseLong(p[2])));
    }

    @ParameterizedTest(
            name =
                    "{0} started={1} {2} progress={3} queue={4} suspend={5} deadline={6} retry={7} -> {8}")
    @CsvSource(
            nullValues = "null",
            textBlock =
                    """
            null,       false, NONE,      -,                 -1, false, false, false, Pending
            Pending,    true,  ACTIVE,    -,                 -1, false, false, false, Publishing
            Pending,    true,  ACTIVE,    publishing:0:0,    0,  false, false, false, Publishing
            Publishing, true,  ACTIVE,    publishing:500:400, 5, false, false, false, Publishing
            Publishing, true,  SUCCEEDED, published:500:400, 5,  false, false, false, Resolving
            Publishing, true,  SUCCEEDED, published:500:500, 0,  false, false, false, Succeeded
            Resolving,  true,  SUCCEEDED, published:500:499, 0,  false, false, false, Resolving
            Resolving,  true,  SUCCEEDED, published:500:500, 0,  false, false, false, Succeeded
            Resolving,  true,  SUCCEEDED, published:500:500, 3,  false, false, false, Resolving
            Resolving,  true,  SUCCEEDED, published:500:500, -1, false, false, false, Resolving
            Publishing, true,  SUCCEEDED, -,                 0,  false, false, false, Publishing
            Resolving,  true,  SUCCEEDED, -,                 0,  false, false, false, Resolving
            Resolving,  true,  NONE,      -,                 -1, false, false, false, Resolving
            Publishing, true,  NONE,      -,                 -1, false, false, false, Publishing
            Publishing, true,  NONE,      publishing:10:0,   0,  false, false, false, Publishing
            Publishing, true,  NONE,      published:10:10,   0,  false, false, false, Succeeded
            Publishing, true,  SUCCEEDED, publishing:10:10,  0,  false, false, false, Publishing
            Publishing, true,  FAILED,    publishing:10:10,  0,  false, false, false, Failed
            Publishing, true,  ACTIVE,    publishing:10:0,   0,  true,  false, false, Suspended
            Resolving,  true,  SUCCEEDED, published:10:0,    0,  true,  false, false, Suspended
            Suspended,  true,  SUCCEEDED, published:10:0,    0,  false, false, false, Resolving
            Suspended,  true,  SUCCEEDED, -,                 0,  false, false, false, Publishing
            Suspended,  true,  ACTIVE,    publishing:10:0,   0,  false, false, false, Publishing
            Resolving,  true,  SUCCEEDED, published:10:0,    0,  false, true,  false, Failed
            Succeeded,  true,  SUCCEEDED, published:10:10,   0,  true,  true,  true,  Succeeded
            Failed,     true,  FAILED,    publishing:10:10,  0,  false, false, false, Failed
            Failed,     true,  FAILED,    publishing:10:10,  0,  false, false, true,  Pending
            Pending,    true,  NONE,      published:10:10,   0,  false, false, false, Succeeded
            Pending,    true,  NONE,      published:10:5,    0,  false, false, false, Resolving
            """)
    void movesAlongItsTransitions(
            RunPhase current,
            boolean started,
            PublisherState publisher,
            String progress,
            long queue,
            boolean suspended,
            boolean deadline,
            boolean retry,
            RunPhase expected) {
        PhaseDecision d =
                PhaseMachine.next(
                        new PhaseInput(
                                current,
                                null,
                                started,
                                suspended,
                                retry,
                                publisher,
                                progress(progress),
                                queue,
                                deadline,
                                -1,
                                null,
                                false));

        assertThat(d.phase()).isEqualTo(expected);
        assertThat(PhaseMachine.allowed(current, d.phase()))
                .as("%s -> %s is a legal move", current, d.phase())
                .isTrue();
    }

    static PhaseDecision finishedWith(Map<Outcome, Long> outcomes) {
        long done = outcomes.values().stream().mapToLong(Long::longValue).sum();
        return PhaseMachine.next(
                new PhaseInput(
                        RunPhase.Resolving,
                        null,
                        true,
                        false,
                        false,
                        PublisherState.SUCCEEDED,
                        new RunProgress(1, "published", done, done, outcomes),
                        0,
                        false,
                        -1,
                        null,
                        false));
    }

    @Test
    void aRunWhoseResolversNeverAnsweredFailsAndSaysSo() {
        PhaseDecision d = finishedWith(Map.of(Outcome.TIMEOUT, 500L));

        assertThat(d.phase()).isEqualTo(RunPhase.Failed);
        assertThat(d.reason()).isEqualTo(PhaseReason.NOTHING_EXTRACTED);
        assertThat(d.message())
                .contains("the resolvers never answered")
                .contains("all 500 domains timed out")
                .contains("NeverExtracted");
        assertThat(PhaseMachine.allowed(RunPhase.Resolving, d.phase())).isTrue();
    }

    @Test
    void aRunInWhichNoDomainGotADefiniteAnswerFailsWithItsOutcomeCounts() {
        PhaseDecision d =
                finishedWith(
                        Map.of(Outcome.SERVFAIL, 3L, Outcome.TIMEOUT, 2L, Outcome.INVALID, 1L));

        assertThat(d.phase()).isEqualTo(RunPhase.Failed);
        assertThat(d.message()).contains("3 servfail").contains("2 timeout").contains("1 invalid");
    }

    @Test
    void aRunWithSomeFailuresSucceedsWithThemCounted() {
        assertThat(finishedWith(Map.of(Outcome.TIMEOUT, 499L, Outcome.NXDOMAIN, 1L)).phase())
                .isEqualTo(RunPhase.Succeeded);
        assertThat(finishedWith(Map.of()).phase())
                .as("a run that selected nothing has nothing to fail on")
                .isEqualTo(RunPhase.Succeeded);
    }

    @ParameterizedTest(name = "queue {0}, dead letters {1}, still for {2} s -> {3}")
    @CsvSource(
            nullValues = "null",
            textBlock =
                    """
            0,  3,  30,   Failed
            0,  3,  29,   Resolving
            0,  0,  300,  Resolving
            0,  -1, 300,  Resolving
            2,  3,  300,  Resolving
            -1, 3,  300,  Resolving
            0,  3,  null, Resolving
            """)
    void aRunWhoseLastDomainsWereDeadLetteredFailsOnceNothingMoves(
            long queue, long deadLettered, Long stillSeconds, RunPhase expected) {
        PhaseDecision d =
                PhaseMachine.next(
                        new PhaseInput(
                                RunPhase.Resolving,
                                null,
                                true,
                                false,
                                false,
                                PublisherState.SUCCEEDED,
                                progress("published:10:7"),
                                queue,
                                false,
                                deadLettered,
                                stillSeconds == null ? null : Duration.ofSeconds(stillSeconds),
                                false));

        assertThat(d.phase()).isEqualTo(expected);
        if (expected == RunPhase.Failed) {
            assertThat(d.reason()).isEqualTo(PhaseReason.DEAD_LETTERED);
            assertThat(d.message())
                    .contains("3 messages were dead-lettered")
                    .contains("3 published domains have no outcome")
                    .contains("spec.retry");
        }
        assertThat(PhaseMachine.allowed(RunPhase.Resolving, d.phase())).isTrue();
    }

    @ParameterizedTest(name = "{0}, publisher {1}, progress {2}, queue {3} -> {4}")
    @CsvSource(
            textBlock =
                    """
            Publishing, ACTIVE,    publishing:10:0, 5, Failed
            Resolving,  SUCCEEDED, published:10:7,  3, Failed
            Resolving,  SUCCEEDED, published:10:10, 0, Succeeded
            Publishing, FAILED,    publishing:10:0, 5, Failed
            Succeeded,  SUCCEEDED, published:10:10, 0, Succeeded
            """)
    void aRunWhoseWorkersAllStoppedForGoodFailsUnlessItIsAlreadyDone(
            RunPhase current,
            PublisherState publisher,
            String progress,
            long queue,
            RunPhase expected) {
        PhaseDecision d =
                PhaseMachine.next(
                        new PhaseInput(
                                current,
                                null,
                                true,
                                false,
                                false,
                                publisher,
                                progress(progress),
                                queue,
                                false,
                                0,
                                null,
                                true));

        assertThat(d.phase()).isEqualTo(expected);
        if (expected == RunPhase.Failed && publisher != PublisherState.FAILED) {
            assertThat(d.reason()).isEqualTo(PhaseReason.WORKERS_STOPPED);
            assertThat(d.message()).contains("every worker stopped");
        }
        assertThat(PhaseMachine.allowed(current, d.phase())).isTrue();
    }

    @Test
    void unknownProgressOrQueueNeverCompletesARun() {
        for (RunPhase current : new RunPhase[] {RunPhase.Publishing, RunPhase.Resolving}) {
            for (long queue : new long[] {-1, 0}) {
                PhaseDecision d =
                        PhaseMachine.next(
                                new PhaseInput(
                                        current,
                                        null,
                                        true,
                                        false,
                                        false,
                                        PublisherState.SUCCEEDED,
                                        queue < 0 ? progress("published:0:0") : null,
                                        queue,
                                        false,
                                        -1,
                                        null,
                                        false));

                assertThat(d.phase())
                        .as(
                                "%s with progress %s, queue %s",
                                current, queue < 0 ? "0 of 0" : "unknown", queue)
                        .isEqualTo(
                                current == RunPhase.Publishing && queue < 0
                                        ? RunPhase.Resolving
                                        : current);
                assertThat(d.phase()).isNotEqualTo(RunPhase.Succeeded);
            }
        }
    }

    @Test
    void aNewRunWaitsInPendingForItsSecretsOrQueueButAStartedRunCarriesOn() {
        RunProblem secret = new RunProblem(ProblemReason.INVALID_SPEC, "Secret x does not exist");
        RunProblem queue =
                new RunProblem(ProblemReason.QUEUE_IN_USE, "queue q is used by run ns/a");
        PhaseDecision waiting =
                PhaseMachine.next(
                        new PhaseInput(
                                null,
                                secret,
                                false,
                                false,
                                false,
                                PublisherState.NONE,
                                null,
                                -1,
                                false,
                                -1,
                                null,
                                false));
        PhaseDecision queueTaken =
                PhaseMachine.next(
                        new PhaseInput(
                                null,
                                queue,
                                false,
                                false,
                                false,
                                PublisherState.NONE,
                                null,
                                -1,
                                false,
                                -1,
                                null,
                                false));
        PhaseDecision started =
                PhaseMachine.next(
                        new PhaseInput(
                                RunPhase.Publishing,
                                secret,
                                true,
                                false,
                                false,
                                PublisherState.ACTIVE,
                                null,
                                -1,
                                false,
                                -1,
                                null,
                                false));

        assertThat(waiting.phase()).isEqualTo(RunPhase.Pending);
        assertThat(waiting.reason()).isEqualTo(ProblemReason.INVALID_SPEC);
        assertThat(queueTaken.reason()).isEqualTo(ProblemReason.QUEUE_IN_USE);
        assertThat(queueTaken.message()).contains("queue q is used by run ns/a");
        assertThat(started.phase()).isEqualTo(RunPhase.Publishing);
    }

    @Test
    void aLostPublisherJobInAnActivePhaseIsALegalMoveToANewAttempt() {
        for (RunPhase current :
                new RunPhase[] {RunPhase.Publishing, RunPhase.Resolving, RunPhase.Suspended}) {
            PhaseDecision d =
                    PhaseMachine.next(
                            new PhaseInput(
                                    current,
                                    null,
                                    true,
                                    false,
                                    false,
                                    PublisherState.NONE,
                                    null,
                                    -1,
                                    false,
                                    -1,
                                    null,
                                    false));

            assertThat(PhaseMachine.allowed(current, d.phase()))
                    .as("%s -> %s", current, d.phase())
                    .isTrue();
            assertThat(d.phase()).isIn(RunPhase.Publishing, RunPhase.Resolving);
        }
    }

    @Test
    void succeededIsFinalAndFailedMovesOnlyToPendingOnARetry() {
        for (RunPhase to : RunPhase.values()) {
            assertThat(PhaseMachine.allowed(RunPhase.Succeeded, to))
                    .isEqualTo(to == RunPhase.Succeeded);
            assertThat(PhaseMachine.allowed(RunPhase.Failed, to))
                    .isEqualTo(to == RunPhase.Failed || to == RunPhase.Pending);
        }
        PhaseDecision noRetry =
                PhaseMachine.next(
                        new PhaseInput(
                                RunPhase.Failed,
                                null,
                                true,
                                false,
                                false,
                                PublisherState.NONE,
                                progress("published:10:10"),
                                0,
                                false,
                                -1,
                                null,
                                false));
        assertThat(noRetry.phase()).isEqualTo(RunPhase.Failed);
    }
}
