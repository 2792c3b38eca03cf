/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.purplejo.dns.operator.observe.TeardownObservation;

/**
 * The next step of taking a run's children down, for deletion and for the TTL alike: workloads
 * first, so that nothing consumes from or publishes to the queue once it is gone; then the queue,
 * only when the run owns it and the user did not ask to keep it.
 *
 * @param queue the queue the step is about, or null
 */
public record TeardownPlan(Step step, String queue) {
    /** What the teardown does next. */
    public enum Step {
        /** Pods of the run have not ended yet: look again shortly. */
        WAIT_FOR_PODS,
        /** Nothing left: the run owns no queue (never claimed one, or shares it). */
        DONE,
        /** The user asked to keep the queue: done, the queue stays. */
        KEEP_QUEUE,
        /** Delete the queue, then done. */
        DELETE_QUEUE
    }

    /** Pure: the step from what is left. */
    public static TeardownPlan decide(TeardownObservation obs) {
        if (obs.livePods() > 0) {
            return new TeardownPlan(Step.WAIT_FOR_PODS, null);
        }
        String queue = obs.queueClaim().deletable();
        if (queue == null) {
            return new TeardownPlan(Step.DONE, null);
        }
        return new TeardownPlan(obs.keepQueue() ? Step.KEEP_QUEUE : Step.DELETE_QUEUE, queue);
    }
}
