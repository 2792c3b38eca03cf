/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.WorkerCounts;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The record step of every runner: a run's next status from its last one and the facts of this
 * pass. Pure, so that "changed" is a plain equals, and one, so that a run on a cluster and on one
 * machine show the same status for the same facts. Counters that could not be read keep their last
 * known values, and the Degraded condition says why.
 */
public final class RunStatusProjection {
    private RunStatusProjection() {}

    /**
     * The status a run holds after this pass, from the facts observed.
     *
     * @param old the status the run holds now (never null: an empty status for a new run)
     * @param generation the generation of the spec these facts answer
     */
    public static DnsExtractionRunStatus project(
            DnsExtractionRunStatus old, long generation, StatusFacts facts, Instant now) {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        RunPhase phase = facts.phase().phase();
        boolean retrying = facts.phase().retrying();
        boolean stillFinished = phase.finished() && old.phase == phase;
        String problemText = text(facts.problems());

        s.phase = phase;
        // a finished run keeps the message it finished with
        s.message =
                problemText != null
                        ? problemText
                        : stillFinished ? old.message : facts.phase().message();
        s.observedGeneration = generation;
        s.startTime = retrying || old.startTime == null ? now.toString() : old.startTime;
        s.completionTime =
                retrying
                        ? null
                        : old.completionTime != null
                                ? old.completionTime
                                : phase.finished() ? now.toString() : null;
        s.publisher = facts.publisher() == null ? old.publisher : facts.publisher();
        s.workerDeployment =
                facts.workerDeployment() != null ? facts.workerDeployment() : old.workerDeployment;
        s.queue = facts.queue();
        s.handledRetry = facts.handledRetry();
        s.childrenRemovedTime = retrying ? null : old.childrenRemovedTime;
        s.outcomesDroppedTime = old.outcomesDroppedTime;
        s.selectedSince = facts.selectedSince();
        RunProgress progress = facts.progress();
        if (progress != null) {
            s.total = progress.total();
            s.published = progress.published();
            s.extracted = progress.extracted();
            s.resolved = s.extracted; // the deprecated name, kept for v1alpha1 readers
            s.failed = progress.failed();
            s.outcomes = progress.countsByName();
        } else {
            s.total = old.total;
            s.published = old.published;
            s.extracted = old.extractedCount();
            s.resolved = s.extracted;
            s.failed = old.failed;
            // counters never read are unknown: no outcome map rather than an empty one
            s.outcomes = old.total == null ? null : old.outcomes;
        }
        long ready = facts.queueReady();
        s.queueDepth = ready >= 0 ? Long.valueOf(ready) : phase.finished() ? old.queueDepth : null;
        StatusFacts.Workers workers = facts.workers();
        s.workers = new WorkerCounts(workers.desired(), workers.ready());
        s.lastScaleUpTime =
                workers.desired() > workers.before() ? now.toString() : old.lastScaleUpTime;
        s.lastProgressTime =
                phase.finished() || facts.lastProgress() == null
                        ? old.lastProgressTime
                        : facts.lastProgress().toString();
        s.scaleDownCandidateSince =
                workers.scaleDownCandidateSince() == null
                        ? null
                        : workers.scaleDownCandidateSince().toString();
        // a finished run has no rate, and an ETA only with counters read now
        Double rate = phase.finished() ? null : facts.rate();
        s.rate = rate == null ? null : String.format(Locale.ROOT, "%.1f", rate);
        if (rate != null && progress != null && facts.eta() != null) {
            s.eta = RateWindow.format(facts.eta());
        }
        s.conditions = conditions(old, facts, stillFinished, problemText, generation, now);
        return s;
    }

    private static String text(List<RunProblem> problems) {
        return problems.isEmpty()
                ? null
                : problems.stream().map(RunProblem::message).collect(Collectors.joining("; "));
    }

    private static List<Condition> conditions(
            DnsExtractionRunStatus old,
            StatusFacts facts,
            boolean stillFinished,
            String problemText,
            long generation,
            Instant now) {
        List<RunProblem> problems = facts.problems();
        List<Condition> c = old.conditions == null ? List.of() : old.conditions;
        if (stillFinished) {
            // the outcome stands; every condition still says which generation it describes
            c = Conditions.observe(c, generation);
            if (!Conditions.has(c, RunConditions.READY)) {
                // finished under an operator without the kstatus conditions: GitOps tools read
                // them, so they are added once, from the outcome the run ended with
                c =
                        RunConditions.forPhase(
                                c,
                                old.phase,
                                Conditions.reason(
                                        c,
                                        old.phase == RunPhase.Failed
                                                ? Conditions.FAILED
                                                : Conditions.COMPLETE),
                                old.message,
                                null,
                                generation,
                                now);
            }
        } else {
            c =
                    RunConditions.forPhase(
                            c,
                            facts.phase().phase(),
                            facts.phase().reasonText(),
                            facts.phase().message(),
                            RunConditions.stuckOn(problems),
                            generation,
                            now);
        }
        boolean degraded = !problems.isEmpty() || facts.metricsGap() != null;
        return Conditions.set(
                c,
                Conditions.DEGRADED,
                degraded,
                !degraded
                        ? "Healthy"
                        : !problems.isEmpty()
                                ? problems.get(0).reason().conditionReason()
                                : "MetricsUnavailable",
                !degraded ? "" : problemText != null ? problemText : facts.metricsGap(),
                generation,
                now);
    }
}
