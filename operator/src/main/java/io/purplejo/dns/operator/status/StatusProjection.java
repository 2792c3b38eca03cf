/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.PublisherStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.WorkerCounts;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.decide.WorkerPlan;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.observe.RunProblem;
import io.purplejo.dns.progress.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The record step: builds a run's next status from what was observed and decided; pure, so that
 * "changed" is a plain equals. Counters that could not be read keep their last known values, and
 * the Degraded condition says that they are stale.
 */
public final class StatusProjection {
    private StatusProjection() {}

    public static DnsExtractionRunStatus project(
            DnsExtractionRun run,
            RunObservation obs,
            RunDecision decision,
            RateWindow rate,
            Instant now) {
        DnsExtractionRunStatus old =
                run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        long generation =
                run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
        RunPhase phase = decision.phase().phase();
        boolean retrying = decision.phase().retrying();
        boolean stillFinished = phase.finished() && old.phase == phase;
        List<RunProblem> problems = decision.problems();
        String problemText =
                problems.isEmpty()
                        ? null
                        : problems.stream()
                                .map(RunProblem::message)
                                .collect(Collectors.joining("; "));

        s.phase = phase;
        // a finished run keeps the message it finished with
        s.message =
                problemText != null
                        ? problemText
                        : stillFinished ? old.message : decision.phase().message();
        s.observedGeneration = generation;
        s.startTime = retrying || old.startTime == null ? now.toString() : old.startTime;
        s.completionTime =
                retrying
                        ? null
                        : old.completionTime != null
                                ? old.completionTime
                                : phase.finished() ? now.toString() : null;
        s.publisher =
                decision.publisher().attempts() == 0
                        ? old.publisher
                        : new PublisherStatus(
                                decision.publisher().job(), decision.publisher().attempts());
        s.workerDeployment =
                obs.deployment() != null
                        ? obs.deployment().getMetadata().getName()
                        : decision.workers().action() == WorkerPlan.Action.CREATE
                                ? decision.workers().desired().getMetadata().getName()
                                : old.workerDeployment;
        s.queue = decision.queue();
        s.handledRetry = decision.retryHandled();
        s.childrenRemovedTime = retrying ? null : old.childrenRemovedTime;
        RunProgress progress = obs.progress().known();
        if (progress != null) {
            counters(s, progress);
        } else {
            s.total = old.total;
            s.published = old.published;
            s.resolved = old.resolved;
            s.failed = old.failed;
            s.outcomes = old.outcomes;
        }
        long ready = obs.queue().readyOrUnknown();
        s.queueDepth = ready >= 0 ? Long.valueOf(ready) : phase.finished() ? old.queueDepth : null;
        s.workers = new WorkerCounts(decision.scaling().desired(), readyReplicas(obs.deployment()));
        int before =
                obs.deployment() == null || obs.deployment().getSpec().getReplicas() == null
                        ? 0
                        : obs.deployment().getSpec().getReplicas();
        s.lastScaleUpTime =
                decision.scaling().desired() > before ? now.toString() : old.lastScaleUpTime;
        s.lastProgressTime =
                phase.finished() || decision.lastProgress() == null
                        ? old.lastProgressTime
                        : decision.lastProgress().toString();
        s.scaleDownCandidateSince =
                decision.scaling().scaleDownCandidateSince() == null
                        ? null
                        : decision.scaling().scaleDownCandidateSince().toString();
        Double r = phase.finished() ? null : rate.rate();
        s.rate = r == null ? null : String.format(Locale.ROOT, "%.1f", r);
        if (r != null && s.total != null && progress != null) {
            s.eta = RateWindow.format(rate.eta(Math.max(0, s.total - progress.done())));
        }
        s.conditions =
                conditions(old, decision, stillFinished, problems, problemText, generation, now);
        return s;
    }

    /**
     * The run's counters as the status shows them: total, published, resolved, failed, by outcome.
     */
    public static void counters(DnsExtractionRunStatus s, RunProgress progress) {
        s.total = progress.total();
        s.published = progress.published();
        s.resolved = progress.resolved();
        s.failed = progress.failed();
        s.outcomes = progress.countsByName();
    }

    private static List<Condition> conditions(
            DnsExtractionRunStatus old,
            RunDecision decision,
            boolean stillFinished,
            List<RunProblem> problems,
            String problemText,
            long generation,
            Instant now) {
        List<Condition> c = old.conditions;
        boolean degraded = !problems.isEmpty() || decision.scaling().metricsUnavailable();
        String degradedReason =
                !problems.isEmpty()
                        ? problems.get(0).reason().conditionReason()
                        : "MetricsUnavailable";
        String degradedMessage = problemText != null ? problemText : decision.scaling().reason();
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
            return Conditions.set(
                    c,
                    Conditions.DEGRADED,
                    degraded,
                    degraded ? degradedReason : "Healthy",
                    degraded ? degradedMessage : "",
                    generation,
                    now);
        }
        c =
                RunConditions.forPhase(
                        c,
                        decision.phase().phase(),
                        decision.phase().reason(),
                        decision.phase().message(),
                        RunConditions.stuckOn(problems),
                        generation,
                        now);
        return Conditions.set(
                c,
                Conditions.DEGRADED,
                degraded,
                degraded ? degradedReason : "Healthy",
                degraded ? degradedMessage : "",
                generation,
                now);
    }

    private static int readyReplicas(Deployment d) {
        return d == null || d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                ? 0
                : d.getStatus().getReadyReplicas();
    }

    /** The status of a resource the operator cannot act on (no spec, or reconciling threw). */
    public static DnsExtractionRunStatus problem(
            DnsExtractionRun run, RunProblem problem, Instant now) {
        DnsExtractionRunStatus old =
                run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();
        DnsExtractionRunStatus s = copy(old);
        long generation =
                run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
        s.phase = old.phase == null ? RunPhase.Pending : old.phase;
        s.message = problem.message();
        s.observedGeneration = generation;
        s.conditions =
                Conditions.set(
                        Conditions.observe(old.conditions, generation),
                        Conditions.DEGRADED,
                        true,
                        problem.reason().conditionReason(),
                        problem.message(),
                        generation,
                        now);
        return s;
    }

    private static DnsExtractionRunStatus copy(DnsExtractionRunStatus old) {
        return io.fabric8.kubernetes.client.utils.Serialization.clone(old);
    }
}
