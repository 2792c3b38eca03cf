/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the operator observed of a run: phase, counters, workers, rate and conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DnsExtractionRunStatus {

    @JsonPropertyDescription(
            "Pending, Publishing, Resolving, Suspended, Succeeded or Failed. Succeeded only when publishing finished, every published domain has an outcome and the queue is empty.")
    public RunPhase phase;

    @JsonPropertyDescription("What the run is doing or why it stopped, for a person.")
    public String message;

    @JsonPropertyDescription("Domains the run selected; absent until the publisher counted them.")
    public Long total;

    @JsonPropertyDescription("Domains put on the queue so far.")
    public Long published;

    @JsonPropertyDescription(
            "Domains extracted: with a definite answer (records, no data, or NXDOMAIN). The outcome `resolved` counts those with records.")
    public Long extracted;

    @JsonPropertyDescription(
            "Deprecated: the same count as `extracted`, under its former name (read `extracted`); removed in the next API version.")
    public Long resolved;

    @JsonPropertyDescription(
            "Domains whose lookups failed (SERVFAIL, REFUSED, timeout, invalid name): failed domains, not a failed run (see phase).")
    public Long failed;

    @JsonPropertyDescription("Domains by outcome; absent while the counters cannot be read.")
    public Map<String, Long> outcomes = new LinkedHashMap<>();

    @JsonPropertyDescription("Messages ready in the run's queue; absent when it cannot be read.")
    public Long queueDepth;

    @JsonPropertyDescription("The worker Deployment's replicas: desired and ready.")
    public WorkerCounts workers;

    @JsonPropertyDescription(
            "Domains per second over the last minutes, as text (\"1234.5\"); absent when finished.")
    public String rate;

    @JsonPropertyDescription("Time left at the current rate (\"1h2m\").")
    public String eta;

    @JsonPropertyDescription("When the current attempt started (RFC 3339).")
    public String startTime;

    @JsonPropertyDescription("When the run finished (RFC 3339).")
    public String completionTime;

    @JsonPropertyDescription("The spec generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("The current publisher attempt.")
    public PublisherStatus publisher;

    @JsonPropertyDescription("The name of the run's worker Deployment.")
    public String workerDeployment;

    @JsonPropertyDescription(
            "The queue this run claimed when it started; only a run that claimed a queue deletes it.")
    public String queue;

    @JsonPropertyDescription("The value of spec.retry that started the current attempt.")
    public String handledRetry;

    @JsonPropertyDescription(
            "Since when fewer workers would do (scale-downs wait for the stabilisation window).")
    public String scaleDownCandidateSince;

    @JsonPropertyDescription(
            "When workers were last added (scale-ups are spaced by the operator's scale-up period).")
    public String lastScaleUpTime;

    @JsonPropertyDescription(
            "When the count of domains with an outcome last changed: a run whose last domains were dead-lettered fails once nothing moved for a while.")
    public String lastProgressTime;

    @JsonPropertyDescription(
            "When ttlSecondsAfterFinished removed the run's Jobs, Deployment and queue; the run and this status stay.")
    public String childrenRemovedTime;

    @JsonPropertyDescription(
            "When the operator dropped the run's per-domain outcomes because its outcomeRetentionDays"
                    + " ended; its counters and this status stay.")
    public String outcomesDroppedTime;

    @JsonPropertyDescription(
            "The time a relative selection (notExtractedWithin) resolved to: domains not extracted"
                    + " since then are selected (RFC 3339).")
    public String selectedSince;

    @JsonPropertyDescription(
            "Complete, Failed, Progressing, Degraded, and the kstatus conditions Reconciling, Stalled and Ready that GitOps tools read; one per type.")
    public List<Condition> conditions = new ArrayList<>();

    /**
     * The extracted count, read from the former field when a status written before {@code
     * extracted} existed has only that; null when unknown.
     */
    @JsonIgnore
    public Long extractedCount() {
        return extracted != null ? extracted : resolved;
    }

    /** Domains with an outcome, extracted plus failed; null when either count is unknown. */
    @JsonIgnore
    public Long doneCount() {
        Long extractedDomains = extractedCount();
        return extractedDomains == null || failed == null ? null : extractedDomains + failed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DnsExtractionRunStatus s)) {
            return false;
        }
        return phase == s.phase
                && Objects.equals(message, s.message)
                && Objects.equals(total, s.total)
                && Objects.equals(published, s.published)
                && Objects.equals(extracted, s.extracted)
                && Objects.equals(resolved, s.resolved)
                && Objects.equals(failed, s.failed)
                && Objects.equals(outcomes, s.outcomes)
                && Objects.equals(selectedSince, s.selectedSince)
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
                && Objects.equals(outcomesDroppedTime, s.outcomesDroppedTime)
                && Objects.equals(conditions, s.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(phase, total, published, extracted, failed, queueDepth);
    }
}
