/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import io.purplejo.dns.api.v1alpha1.PublisherStatus;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one pass of a runner knows and decided about a run, in words neither Kubernetes nor a local
 * process: a cluster's reconciliation and a one-machine run both state them, and {@link
 * RunStatusProjection} turns them into the same status.
 *
 * @param phase the phase decision of this pass
 * @param problems what keeps the run from going on as it should, most important first (empty: none)
 * @param metricsGap why the worker count was decided without the queue's metrics, or null when they
 *     were read
 * @param progress the run's counters as read now, or null when they could not be read (then the
 *     last known values stand: unknown is never zero)
 * @param queueReady messages ready in the run's queue, or -1 when the queue could not be read
 * @param queue the queue the run holds, or null
 * @param publisher the current publisher attempt, or null when none was started in this pass or
 *     before
 * @param workerDeployment the name of the worker Deployment, or null to keep the last one shown
 * @param workers the worker count wanted and ready, and the count before this pass
 * @param handledRetry the {@code spec.retry} value the current attempt answers
 * @param lastProgress when the counters last moved, or null
 * @param rate domains per second over the recent window, or null when unknown
 * @param eta the time left at that rate, or null when unknown
 * @param selectedSince what a relative selection resolved to, or null
 */
public record StatusFacts(
        PhaseDecision phase,
        List<RunProblem> problems,
        String metricsGap,
        RunProgress progress,
        long queueReady,
        String queue,
        PublisherStatus publisher,
        String workerDeployment,
        Workers workers,
        String handledRetry,
        Instant lastProgress,
        Double rate,
        Duration eta,
        String selectedSince) {

    public StatusFacts {
        problems = List.copyOf(problems);
    }

    /**
     * The run's workers.
     *
     * @param desired the count wanted after this pass
     * @param ready the count running and ready
     * @param before the count wanted before this pass (a higher {@code desired} is a scale-up)
     * @param scaleDownCandidateSince since when fewer workers would do, or null
     */
    public record Workers(int desired, int ready, int before, Instant scaleDownCandidateSince) {}
}
