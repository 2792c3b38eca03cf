/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.scaling;

import java.time.Duration;

/**
 * Decides how many workers a run needs, like KEDA with the HPA's behaviour: desired = ceil(backlog
 * / messagesPerWorker) clamped to [min, max]; no change within a 10% tolerance; scale up at most
 * doubling per step, one step per scale-up period; scale down only after the lower count has been
 * wanted for the stabilisation window; zero as soon as the run is complete or suspended; the
 * current count when the queue cannot be read. An active run keeps at least one worker: the queue
 * depth counts only messages not yet delivered, so an empty queue does not mean the workers have
 * nothing in hand.
 */
public final class WorkerScaler {
    static final double TOLERANCE = 0.10;

    private WorkerScaler() {}

    public static ScalingDecision decide(ScalingInput in) {
        if (in.suspended()) {
            return new ScalingDecision(0, null, "run suspended", false);
        }
        if (!in.active()) {
            return new ScalingDecision(0, null, "run complete", false);
        }
        if (in.queueDepth() < 0) {
            return new ScalingDecision(
                    in.current(),
                    in.scaleDownCandidateSince(),
                    "queue depth unavailable: keeping " + in.current() + " workers",
                    true);
        }
        int floor = Math.max(1, in.minWorkers());
        int max = Math.max(floor, in.maxWorkers());
        long wanted = (in.queueDepth() + in.messagesPerWorker() - 1) / in.messagesPerWorker();
        int target = (int) Math.max(floor, Math.min(max, wanted));
        int current = in.current();

        if (current > 0
                && target != current
                && Math.abs(target - current) <= TOLERANCE * current
                && current >= floor
                && current <= max) {
            return new ScalingDecision(current, null, "within tolerance", false);
        }
        if (target > current) {
            return scaleUp(in, current, target);
        }
        if (target < current) {
            return scaleDown(in, current, target, max);
        }
        return new ScalingDecision(current, null, "steady", false);
    }

    /** At most doubling per step, and not again within the scale-up period. */
    private static ScalingDecision scaleUp(ScalingInput in, int current, int target) {
        if (current > 0
                && in.lastScaleUp() != null
                && Duration.between(in.lastScaleUp(), in.now()).compareTo(in.scaleUpPeriod()) < 0) {
            return new ScalingDecision(
                    current,
                    null,
                    "backlog needs " + target + " workers; next scale-up after the scale-up period",
                    false);
        }
        int limited = Math.min(target, Math.max(2 * current, 1));
        return new ScalingDecision(
                limited,
                null,
                "backlog of "
                        + in.queueDepth()
                        + " messages needs "
                        + target
                        + " workers"
                        + (limited < target ? " (at most doubling per step)" : ""),
                false);
    }

    /** Only once fewer workers were wanted for the whole stabilisation window. */
    private static ScalingDecision scaleDown(ScalingInput in, int current, int target, int max) {
        if (current > max) {
            return new ScalingDecision(max, null, "above maxWorkers", false);
        }
        if (in.scaleDownCandidateSince() == null) {
            return new ScalingDecision(
                    current,
                    in.now(),
                    "backlog needs " + target + " workers; waiting for the stabilisation window",
                    false);
        }
        Duration wantedFor = Duration.between(in.scaleDownCandidateSince(), in.now());
        if (wantedFor.compareTo(in.stabilization()) >= 0) {
            return new ScalingDecision(
                    target,
                    null,
                    "backlog of "
                            + in.queueDepth()
                            + " messages needs "
                            + target
                            + " workers for "
                            + wantedFor.toSeconds()
                            + " s",
                    false);
        }
        return new ScalingDecision(
                current,
                in.scaleDownCandidateSince(),
                "backlog needs " + target + " workers; waiting for the stabilisation window",
                false);
    }
}
