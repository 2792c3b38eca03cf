/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Instant;
import java.util.List;

/**
 * Everything decided in one reconciliation, from the observation alone.
 *
 * @param phase the phase the run moves to
 * @param scaling the worker count and why
 * @param publisher what happens to the publisher Jobs
 * @param workers what happens to the worker Deployment
 * @param problems what the Degraded condition reports (empty: healthy)
 * @param queue the queue the run holds after this step (claimed when its first attempt starts), or
 *     null
 * @param retryHandled the {@code spec.retry} value a new attempt was started for, or the previous
 *     one
 */
public record RunDecision(
        PhaseDecision phase,
        ScalingDecision scaling,
        PublisherPlan publisher,
        WorkerPlan workers,
        List<RunProblem> problems,
        String queue,
        String retryHandled,
        Instant lastProgress) {}
