/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

/**
 * Why a run is not as it should be; each maps to the reason of the Degraded condition and its
 * events.
 */
public enum ProblemReason {
    /** The resource has no spec, or a Secret or key it names is missing or does not parse. */
    INVALID_SPEC("InvalidSpec", true),
    /** The operator's RBAC does not allow a call it needs (reading the run's Secrets). */
    FORBIDDEN("Forbidden", true),
    /** The run's queue is claimed by another live run. */
    QUEUE_IN_USE("QueueInUse", true),
    /**
     * PostgreSQL refused the Secret's credentials, or has no such database: a configuration error
     * that no wait cures.
     */
    DATABASE_REFUSED("DatabaseRefused", true),
    /**
     * RabbitMQ refused the Secret's credentials or virtual host: a configuration error that no wait
     * cures.
     */
    BROKER_REFUSED("BrokerRefused", true),
    /** The run's progress could not be read from PostgreSQL. */
    DATABASE_UNAVAILABLE("DatabaseUnavailable", false),
    /** The run's queue could not be read from RabbitMQ. */
    QUEUE_UNAVAILABLE("QueueUnavailable", false),
    /**
     * The operator decided a phase move its state machine does not allow: a bug, reported, never
     * acted on.
     */
    ILLEGAL_TRANSITION("IllegalTransition", false),
    /** Reconciling threw; the operator retries with backoff. */
    RECONCILE_ERROR("ReconcileError", false);

    private final String conditionReason;
    private final boolean blocksStart;

    ProblemReason(String conditionReason, boolean blocksStart) {
        this.conditionReason = conditionReason;
        this.blocksStart = blocksStart;
    }

    /** The reason of the Degraded condition and of the Warning event. */
    public String conditionReason() {
        return conditionReason;
    }

    /** Whether a run that has not started yet must wait until it is fixed. */
    public boolean blocksStart() {
        return blocksStart;
    }
}
