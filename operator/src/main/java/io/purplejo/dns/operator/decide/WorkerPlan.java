/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What to do with the run's worker Deployment: nothing, create it, change its replicas, or roll it
 * to a new pod template (with the replicas decided).
 */
public record WorkerPlan(Action action, Deployment desired, int replicas) {
    /** The one change made to the Deployment in a reconciliation. */
    public enum Action {
        NONE,
        CREATE,
        SCALE,
        ROLL
    }

    static WorkerPlan none(int replicas) {
        return new WorkerPlan(Action.NONE, null, replicas);
    }
}
