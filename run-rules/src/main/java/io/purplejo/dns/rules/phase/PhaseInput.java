/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Duration;

/**
 * What the next phase is decided from.
 *
 * @param current the phase in the status (null for a new run)
 * @param startProblem a problem the schema cannot catch (a Secret missing, the queue claimed by
 *     another run) that holds a run that has not started in Pending; a started run carries on
 * @param started a publisher attempt was started once
 * @param suspended {@code spec.suspend}
 * @param retryRequested {@code spec.retry} has a value no attempt was started for
 * @param publisher the current publisher attempt's Job
 * @param progress the run's row and counters as just read; null when unknown or not created yet
 * @param queueReady messages ready in the run's queue; negative when unknown
 * @param deadlineExceeded the run has been active longer than {@code activeDeadlineSeconds}
 * @param deadLettered messages in the run's dead-letter queue; negative when unknown
 * @param sinceProgress how long the count of domains with an outcome has not moved; null when
 *     unknown
 * @param workersStopped every worker has stopped and none will be started again (a one-machine
 *     run's threads; a cluster's Deployment always starts its pods again)
 */
public record PhaseInput(
        RunPhase current,
        RunProblem startProblem,
        boolean started,
        boolean suspended,
        boolean retryRequested,
        PublisherState publisher,
        RunProgress progress,
        long queueReady,
        boolean deadlineExceeded,
        long deadLettered,
        Duration sinceProgress,
        boolean workersStopped) {}
