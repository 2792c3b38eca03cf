/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

import io.purplejo.dns.rules.problem.ConditionReason;

/** Why the phase machine put a run where it is: the reason its conditions and events show. */
public enum PhaseReason implements ConditionReason {
    STARTING("Starting"),
    PUBLISHING("Publishing"),
    RESOLVING("Resolving"),
    SUSPENDED("Suspended"),
    COMPLETED("Completed"),
    /** A run that failed earlier and stays failed. */
    FAILED("Failed"),
    DEADLINE_EXCEEDED("DeadlineExceeded"),
    PUBLISHER_FAILED("PublisherFailed"),
    /** Every worker of a one-machine run stopped; nothing would resolve the rest. */
    WORKERS_STOPPED("WorkersStopped"),
    PROGRESS_UNKNOWN("ProgressUnknown"),
    QUEUE_UNKNOWN("QueueUnknown"),
    QUEUE_NOT_EMPTY("QueueNotEmpty"),
    /** No published domain got a definite answer. */
    NOTHING_EXTRACTED("NothingExtracted"),
    /** The run's last domains were dead-lettered and nothing moved since. */
    DEAD_LETTERED("DeadLettered"),
    /** The move out of Failed that {@code spec.retry} asks for. */
    RETRY_REQUESTED("RetryRequested");

    private final String conditionReason;

    PhaseReason(String conditionReason) {
        this.conditionReason = conditionReason;
    }

    @Override
    public String conditionReason() {
        return conditionReason;
    }
}
