/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.problem;

/**
 * Why a run is not as it should be; each maps to the reason of the Degraded condition and its
 * events.
 */
public enum ProblemReason implements ConditionReason {
    /** The resource has no spec, or a Secret or key it names is missing or does not parse. */
    INVALID_SPEC("InvalidSpec", true, true),
    /** The operator's RBAC does not allow a call it needs (reading the run's Secrets). */
    FORBIDDEN("Forbidden", true, true),
    /** The run's queue is claimed by another live run. */
    QUEUE_IN_USE("QueueInUse", true, false),
    /**
     * PostgreSQL refused the Secret's credentials, or has no such database: a configuration error
     * that no wait cures.
     */
    DATABASE_REFUSED("DatabaseRefused", true, true),
    /**
     * RabbitMQ refused the Secret's credentials or virtual host: a configuration error that no wait
     * cures.
     */
    BROKER_REFUSED("BrokerRefused", true, true),
    /** The run's progress could not be read from PostgreSQL. */
    DATABASE_UNAVAILABLE("DatabaseUnavailable", false, false),
    /** The run's queue could not be read from RabbitMQ. */
    QUEUE_UNAVAILABLE("QueueUnavailable", false, false),
    /**
     * The operator decided a phase move its state machine does not allow: a bug, reported, never
     * acted on.
     */
    ILLEGAL_TRANSITION("IllegalTransition", false, true),
    /** Reconciling threw; the operator retries with backoff. */
    RECONCILE_ERROR("ReconcileError", false, false);

    private final String conditionReason;
    private final boolean blocksStart;
    private final boolean needsPerson;

    ProblemReason(String conditionReason, boolean blocksStart, boolean needsPerson) {
        this.conditionReason = conditionReason;
        this.blocksStart = blocksStart;
        this.needsPerson = needsPerson;
    }

    /**
     * Whether the run cannot go on until a person acts (a configuration error, a refused
     * credential, a bug): the run is {@code Stalled}. An outage, a queue another run holds, a
     * failed reconcile are waited out.
     */
    public boolean needsPerson() {
        return needsPerson;
    }

    /** The reason of the Degraded condition and of the Warning event. */
    @Override
    public String conditionReason() {
        return conditionReason;
    }

    /** Whether a run that has not started yet must wait until it is fixed. */
    public boolean blocksStart() {
        return blocksStart;
    }
}
