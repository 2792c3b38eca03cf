/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.PublisherStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.decide.WorkerPlan;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.problem.RunProblem;
import io.purplejo.dns.rules.status.Conditions;
import io.purplejo.dns.rules.status.RateWindow;
import io.purplejo.dns.rules.status.RunStatusProjection;
import io.purplejo.dns.rules.status.StatusFacts;
import io.purplejo.dns.rules.workload.SelectionWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * The operator's record step: states a reconciliation's observation and decision as the neutral
 * {@link StatusFacts} and lets {@link RunStatusProjection}, which the one-machine run uses too,
 * build the next status.
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
        return RunStatusProjection.project(
                old, generation(run), facts(run, obs, decision, rate), now);
    }

    /** What this reconciliation observed and decided, in the words every runner uses. */
    static StatusFacts facts(
            DnsExtractionRun run, RunObservation obs, RunDecision decision, RateWindow rate) {
        RunProgress progress = obs.progress().known();
        Double r = rate.rate();
        Duration eta =
                r == null || progress == null
                        ? null
                        : rate.eta(Math.max(0, progress.total() - progress.done()));
        Deployment deployment = obs.deployment();
        int before =
                deployment == null || deployment.getSpec().getReplicas() == null
                        ? 0
                        : deployment.getSpec().getReplicas();
        ScalingDecision scaling = decision.scaling();
        return new StatusFacts(
                decision.phase(),
                decision.problems(),
                scaling.metricsUnavailable() ? scaling.reason() : null,
                progress,
                obs.queue().readyOrUnknown(),
                decision.queue(),
                decision.publisher().attempts() == 0
                        ? null
                        : new PublisherStatus(
                                decision.publisher().job(), decision.publisher().attempts()),
                deployment != null
                        ? deployment.getMetadata().getName()
                        : decision.workers().action() == WorkerPlan.Action.CREATE
                                ? decision.workers().desired().getMetadata().getName()
                                : null,
                new StatusFacts.Workers(
                        scaling.desired(),
                        readyReplicas(deployment),
                        before,
                        scaling.scaleDownCandidateSince()),
                decision.retryHandled(),
                decision.lastProgress(),
                r,
                eta,
                SelectionWindow.relative(run));
    }

    private static long generation(DnsExtractionRun run) {
        return run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
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
        long generation = generation(run);
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
