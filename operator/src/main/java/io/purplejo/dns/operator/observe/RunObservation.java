/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/**
 * Everything observed of a run in one reconciliation, each part either known or explicitly not.
 *
 * @param publisherJob the current attempt's Job, null when there is none (never created, deleted,
 *     or being deleted)
 * @param staleJobs Jobs of earlier attempts still present
 * @param publisherPods the run's publisher pods that have not ended (a new attempt waits for them)
 * @param deployment the worker Deployment, or null
 * @param credentials the Secrets' values, or their problem
 * @param progress the run's progress in PostgreSQL
 * @param queue the run's queue in RabbitMQ
 * @param queueConflict another live run claims the same queue, or null
 */
public record RunObservation(
        Job publisherJob,
        List<Job> staleJobs,
        int publisherPods,
        Deployment deployment,
        SecretValues.Result credentials,
        ProgressReading progress,
        QueueReading queue,
        RunProblem queueConflict) {

    /** The problems to report in the Degraded condition, most important first. */
    public List<RunProblem> problems(boolean started) {
        List<RunProblem> out = new java.util.ArrayList<>();
        if (credentials != null && credentials.problem() != null) {
            out.add(credentials.problem());
        }
        if (queueConflict != null && !started) {
            out.add(queueConflict);
        }
        if (progress instanceof ProgressReading.Unavailable u) {
            out.add(u.problem());
        }
        if (queue instanceof QueueReading.Unavailable u) {
            out.add(u.problem());
        }
        return out;
    }
}
