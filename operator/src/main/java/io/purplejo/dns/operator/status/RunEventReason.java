/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.problem.ConditionReason;

/**
 * The reasons of the events the operator records on a run for what it did (its problems are
 * reported with their {@link io.purplejo.dns.rules.problem.ProblemReason}).
 */
public enum RunEventReason implements ConditionReason {
    PHASE_PENDING("PhasePending"),
    PHASE_PUBLISHING("PhasePublishing"),
    PHASE_RESOLVING("PhaseResolving"),
    PHASE_SUSPENDED("PhaseSuspended"),
    PHASE_SUCCEEDED("PhaseSucceeded"),
    PHASE_FAILED("PhaseFailed"),
    PUBLISHER_CREATED("PublisherCreated"),
    PUBLISHER_REPLACED("PublisherReplaced"),
    PUBLISHER_WAITING("PublisherWaiting"),
    SUSPENDED("Suspended"),
    RESUMED("Resumed"),
    WORKERS_CREATED("WorkersCreated"),
    WORKERS_ROLLED("WorkersRolled"),
    SCALED("Scaled"),
    QUEUE_KEPT("QueueKept"),
    QUEUE_NOT_DELETED("QueueNotDeleted"),
    /** {@code ttlSecondsAfterFinished} passed: the run's children, or the run, removed. */
    EXPIRED("Expired"),
    /** {@code outcomeRetentionDays} passed: the run's per-domain outcomes dropped. */
    OUTCOMES_DROPPED("OutcomesDropped"),
    /** The retention could not be applied now (Secret or database); retried later. */
    RETENTION_NOT_APPLIED("RetentionNotApplied");

    private final String conditionReason;

    RunEventReason(String conditionReason) {
        this.conditionReason = conditionReason;
    }

    @Override
    public String conditionReason() {
        return conditionReason;
    }

    /** The event of a run entering this phase. */
    public static RunEventReason enteredPhase(RunPhase phase) {
        return switch (phase) {
            case Pending -> PHASE_PENDING;
            case Publishing -> PHASE_PUBLISHING;
            case Resolving -> PHASE_RESOLVING;
            case Suspended -> PHASE_SUSPENDED;
            case Succeeded -> PHASE_SUCCEEDED;
            case Failed -> PHASE_FAILED;
        };
    }
}
