/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scaler decides from.
 *
 * @param current workers the Deployment asks for now
 * @param queueDepth messages waiting in the run's queue; negative when it could not be read
 * @param minWorkers lower bound while the run is active
 * @param maxWorkers upper bound
 * @param messagesPerWorker backlog each worker should have
 * @param active the run still has work (publishing, or published domains without an outcome)
 * @param suspended the run is suspended
 * @param now the time of this decision
 * @param scaleDownCandidateSince since when a lower count has been wanted, or null
 * @param stabilization how long a lower count must be wanted before workers are removed
 * @param lastScaleUp when workers were last added, or null
 * @param scaleUpPeriod the least time between two scale-ups, so that each doubling is a step in
 *     time
 */
public record ScalingInput(
        int current,
        long queueDepth,
        int minWorkers,
        int maxWorkers,
        int messagesPerWorker,
        boolean active,
        boolean suspended,
        Instant now,
        Instant scaleDownCandidateSince,
        Duration stabilization,
        Instant lastScaleUp,
        Duration scaleUpPeriod) {}
