/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.purplejo.dns.rules.backend.ProgressReading;
import io.purplejo.dns.rules.backend.QueueReading;
import io.purplejo.dns.rules.phase.PublisherState;
import io.purplejo.dns.rules.problem.RunProblem;
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
 * @param queueClaim who owns the run's queue, or null when not read (a finished run)
 */
public record RunObservation(
        Job publisherJob,
        List<Job> staleJobs,
        int publisherPods,
        Deployment deployment,
        SecretValues.Result credentials,
        ProgressReading progress,
        QueueReading queue,
        QueueClaim queueClaim) {

    /** The current publisher attempt as the phase machine sees it. */
    public PublisherState publisherState() {
        if (publisherJob == null) {
            return PublisherState.NONE;
        }
        if (publisherJob.getStatus() != null && publisherJob.getStatus().getConditions() != null) {
            for (JobCondition c : publisherJob.getStatus().getConditions()) {
                if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                    return PublisherState.SUCCEEDED;
                }
                if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                    return PublisherState.FAILED;
                }
            }
        }
        return PublisherState.ACTIVE;
    }

    /** The problems to report in the Degraded condition, most important first. */
    public List<RunProblem> problems(boolean started) {
        List<RunProblem> out = new java.util.ArrayList<>();
        if (credentials != null && credentials.problem() != null) {
            out.add(credentials.problem());
        }
        RunProblem conflict = queueClaim == null ? null : queueClaim.conflict();
        if (conflict != null && !started) {
            out.add(conflict);
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
