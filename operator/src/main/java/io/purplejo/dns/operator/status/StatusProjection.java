package io.purplejo.dns.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.WorkerCounts;
import io.purplejo.dns.operator.phase.PhaseDecision;
import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a run's next status from what was observed and decided; pure, so that "changed" is a plain equals. */
public final class StatusProjection {
    private StatusProjection() {
    }

    public static DnsExtractionRunStatus project(DnsExtractionRun run, DnsExtractionRunStatus old, Job job,
                                                 Deployment deployment, RunProgress progress, long queueDepth,
                                                 PhaseDecision phase, ScalingDecision scaling, String problem,
                                                 RateWindow rate, Instant now) {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        long generation = run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
        s.phase = phase.phase();
        // a finished run keeps the reason and message it finished with
        boolean stillFinished = phase.phase().finished() && old.phase == phase.phase();
        s.message = problem != null ? problem : stillFinished ? old.message : phase.message();
        s.observedGeneration = generation;
        s.startTime = old.startTime != null ? old.startTime : now.toString();
        s.completionTime = old.completionTime != null ? old.completionTime
                : phase.phase().finished() ? now.toString() : null;
        s.publisherJob = job == null ? old.publisherJob : job.getMetadata().getName();
        s.workerDeployment = deployment == null ? old.workerDeployment : deployment.getMetadata().getName();
        s.publisherAttempts = job == null ? old.publisherAttempts : Integer.valueOf(1);
        if (progress != null) {
            s.total = progress.total();
            s.published = progress.published();
            s.resolved = progress.resolved();
            s.failed = progress.failed();
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                long n = progress.count(o);
                if (n > 0) {
                    outcomes.put(o.dbName(), n);
                }
            }
            s.outcomes = outcomes;
        } else {
            s.total = old.total;
            s.published = old.published;
            s.resolved = old.resolved;
            s.failed = old.failed;
            s.outcomes = old.outcomes;
        }
        s.queueDepth = queueDepth >= 0 ? queueDepth : null;
        int ready = deployment == null || deployment.getStatus() == null
                || deployment.getStatus().getReadyReplicas() == null ? 0 : deployment.getStatus().getReadyReplicas();
        s.workers = new WorkerCounts(scaling.desired(), ready);
        int before = deployment == null || deployment.getSpec().getReplicas() == null ? 0
                : deployment.getSpec().getReplicas();
        s.lastScaleUpTime = scaling.desired() > before ? now.toString() : old.lastScaleUpTime;
        s.scaleDownCandidateSince = scaling.scaleDownCandidateSince() == null ? null
                : scaling.scaleDownCandidateSince().toString();
        Double r = phase.phase().finished() ? null : rate.rate();
        s.rate = r == null ? null : String.format(Locale.ROOT, "%.1f", r);
        if (r != null && s.total != null && progress != null) {
            s.eta = RateWindow.format(rate.eta(Math.max(0, s.total - progress.done())));
        }

        List<io.fabric8.kubernetes.api.model.Condition> c = old.conditions;
        if (stillFinished) {
            boolean degraded = problem != null;
            s.conditions = Conditions.set(c, Conditions.DEGRADED, degraded,
                    degraded ? degradedReason(problem, scaling) : "Healthy", degraded ? problem : "", generation, now);
            return s;
        }
        boolean succeeded = phase.phase() == RunPhase.Succeeded;
        boolean failed = phase.phase() == RunPhase.Failed;
        boolean progressing = phase.phase() == RunPhase.Publishing || phase.phase() == RunPhase.Resolving;
        c = Conditions.set(c, Conditions.COMPLETE, succeeded, succeeded ? "Completed" : phase.reason(),
                succeeded ? phase.message() : "", generation, now);
        c = Conditions.set(c, Conditions.FAILED, failed, failed ? phase.reason() : "NotFailed",
                failed ? phase.message() : "", generation, now);
        c = Conditions.set(c, Conditions.PROGRESSING, progressing, phase.reason(),
                phase.message(), generation, now);
        boolean degraded = problem != null || scaling.metricsUnavailable();
        c = Conditions.set(c, Conditions.DEGRADED, degraded, degraded ? degradedReason(problem, scaling) : "Healthy",
                degraded ? (problem != null ? problem : scaling.reason()) : "", generation, now);
        s.conditions = c;
        return s;
    }

    private static String degradedReason(String problem, ScalingDecision scaling) {
        if (problem == null) {
            return "MetricsUnavailable";
        }
        if (problem.startsWith("Secret")) {
            return "InvalidSpec";
        }
        if (problem.contains("PostgreSQL")) {
            return "DatabaseUnavailable";
        }
        return "QueueUnavailable";
    }
}
