/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the operator observed of a run: phase, counters, workers, rate and conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DnsExtractionRunStatus {
    public RunPhase phase;
    public String message;
    public Long total;
    public Long published;

    /** Domains with a definite answer: records, no data, NXDOMAIN. */
    public Long resolved;

    /** Domains that failed: SERVFAIL, REFUSED, timeout, invalid name. */
    public Long failed;

    /** Domains by outcome. */
    public Map<String, Long> outcomes = new LinkedHashMap<>();

    public Long queueDepth;
    public WorkerCounts workers;

    /** Domains per second over the last minutes, as text ("1234.5"). */
    public String rate;

    /** Time left at the current rate ("1h2m"). */
    public String eta;

    public String startTime;
    public String completionTime;
    public Long observedGeneration;
    public PublisherStatus publisher;
    public String workerDeployment;

    /** The queue this run claimed when it started; only a run that claimed a queue deletes it. */
    public String queue;

    /** The value of spec.retry that started the current attempt. */
    public String handledRetry;

    /**
     * When the current worker count was last lowered or when it last wished lower (for
     * stabilisation).
     */
    public String scaleDownCandidateSince;

    /** When workers were last added (scale-ups are spaced by the operator's scale-up period). */
    public String lastScaleUpTime;

    /**
     * When the count of domains with an outcome last changed: a run whose last domains were
     * dead-lettered is failed once nothing moved for a while.
     */
    public String lastProgressTime;

    /** When ttlSecondsAfterFinished removed the run's Jobs, Deployment and queue. */
    public String childrenRemovedTime;

    public List<Condition> conditions = new ArrayList<>();

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DnsExtractionRunStatus s)) {
            return false;
        }
        return phase == s.phase
                && Objects.equals(message, s.message)
                && Objects.equals(total, s.total)
                && Objects.equals(published, s.published)
                && Objects.equals(resolved, s.resolved)
                && Objects.equals(failed, s.failed)
                && Objects.equals(outcomes, s.outcomes)
                && Objects.equals(queueDepth, s.queueDepth)
                && Objects.equals(workers, s.workers)
                && Objects.equals(rate, s.rate)
                && Objects.equals(eta, s.eta)
                && Objects.equals(startTime, s.startTime)
                && Objects.equals(completionTime, s.completionTime)
                && Objects.equals(observedGeneration, s.observedGeneration)
                && Objects.equals(publisher, s.publisher)
                && Objects.equals(workerDeployment, s.workerDeployment)
                && Objects.equals(queue, s.queue)
                && Objects.equals(handledRetry, s.handledRetry)
                && Objects.equals(scaleDownCandidateSince, s.scaleDownCandidateSince)
                && Objects.equals(lastScaleUpTime, s.lastScaleUpTime)
                && Objects.equals(lastProgressTime, s.lastProgressTime)
                && Objects.equals(childrenRemovedTime, s.childrenRemovedTime)
                && Objects.equals(conditions, s.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, total, published, resolved, failed, queueDepth);
    }
}
