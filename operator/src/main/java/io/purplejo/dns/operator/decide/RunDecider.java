/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.resources.PublisherJobBuilder;
import io.purplejo.dns.operator.resources.TemplateHash;
import io.purplejo.dns.operator.resources.WorkerDeploymentBuilder;
import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.operator.scaling.ScalingInput;
import io.purplejo.dns.operator.scaling.WorkerScaler;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.phase.PhaseInput;
import io.purplejo.dns.rules.phase.PhaseMachine;
import io.purplejo.dns.rules.phase.PublisherState;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import io.purplejo.dns.rules.workload.RunNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The decide step: from the run and what was observed, the phase, the worker count, and what to do
 * with the Jobs and the Deployment. Pure: no I/O, so every rule is tested on plain data.
 */
public final class RunDecider {
    private RunDecider() {}

    public static RunDecision decide(
            DnsExtractionRun run, RunObservation obs, OperatorSettings settings, Instant now) {
        DnsExtractionRunSpec spec = run.getSpec();
        DnsExtractionRunStatus old =
                run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();
        int attempts =
                old.publisher == null || old.publisher.attempts == null
                        ? 0
                        : old.publisher.attempts;
        boolean started = attempts > 0;
        List<RunProblem> problems = new ArrayList<>(obs.problems(started));
        RunProblem startProblem =
                problems.stream().filter(p -> p.reason().blocksStart()).findFirst().orElse(null);
        boolean retryRequested = retryRequested(spec, old);
        Instant startedAt = old.startTime == null ? now : Instant.parse(old.startTime);
        boolean deadlineExceeded =
                spec.activeDeadlineSeconds != null
                        && Duration.between(startedAt, now).toSeconds()
                                > spec.activeDeadlineSeconds;
        PublisherState publisher = obs.publisherState();
        Instant lastProgress = lastProgress(old, obs.progress().known(), now);

        PhaseDecision phase =
                PhaseMachine.next(
                        new PhaseInput(
                                old.phase,
                                startProblem,
                                started,
                                Boolean.TRUE.equals(spec.suspend),
                                retryRequested,
                                publisher,
                                obs.progress().known(),
                                obs.queue().readyOrUnknown(),
                                deadlineExceeded,
                                obs.queue().deadLetteredOrUnknown(),
                                lastProgress == null ? null : Duration.between(lastProgress, now),
                                false));
        phase = legal(old.phase, phase, problems);
        boolean retrying = phase.retrying();

        ScalingDecision scaling = scale(spec, old, obs, phase, settings, now);

        boolean credentialsOk = obs.credentials() != null && obs.credentials().problem() == null;
        PublisherPlan publisherPlan =
                planPublisher(
                        run,
                        obs,
                        settings,
                        phase,
                        publisher,
                        attempts,
                        started,
                        startProblem,
                        credentialsOk,
                        retrying);
        WorkerPlan workerPlan =
                planWorkers(
                        run,
                        obs,
                        settings,
                        phase,
                        scaling,
                        publisherPlan.attempts() > 0,
                        credentialsOk);
        String queue =
                old.queue != null
                        ? old.queue
                        : publisherPlan.create() != null && !started ? RunNames.queue(run) : null;
        String retryHandled = retrying || !started ? spec.retry : old.handledRetry;
        return new RunDecision(
                phase,
                scaling,
                publisherPlan,
                workerPlan,
                List.copyOf(problems),
                queue,
                retryHandled,
                lastProgress);
    }

    /**
     * When the count of domains with an outcome last moved: now when it differs from the status's,
     * else the status's time; unchanged while progress cannot be read.
     */
    static Instant lastProgress(DnsExtractionRunStatus old, RunProgress progress, Instant now) {
        Instant before = instant(old.lastProgressTime);
        if (progress == null) {
            return before;
        }
        Long doneBefore = old.doneCount();
        return before == null || doneBefore == null || doneBefore != progress.done() ? now : before;
    }

    /**
     * The decided phase if the state machine allows the move; else the old phase, with a problem
     * that says so (a bug, reported rather than acted on).
     */
    private static PhaseDecision legal(
            RunPhase from, PhaseDecision phase, List<RunProblem> problems) {
        if (PhaseMachine.allowed(from, phase.phase())) {
            return phase;
        }
        problems.add(
                new RunProblem(
                        ProblemReason.ILLEGAL_TRANSITION,
                        "the operator computed "
                                + from
                                + " -> "
                                + phase.phase()
                                + " ("
                                + phase.reasonText()
                                + "), a move its state machine does not allow;"
                                + " the run stays "
                                + from
                                + ". This is a bug: please report it with the operator's log"));
        return new PhaseDecision(
                from, ProblemReason.ILLEGAL_TRANSITION, "holding: see the Degraded condition");
    }

    private static ScalingDecision scale(
            DnsExtractionRunSpec spec,
            DnsExtractionRunStatus old,
            RunObservation obs,
            PhaseDecision phase,
            OperatorSettings settings,
            Instant now) {
        boolean active =
                phase.phase() == RunPhase.Publishing || phase.phase() == RunPhase.Resolving;
        return WorkerScaler.decide(
                new ScalingInput(
                        replicas(obs.deployment()),
                        obs.queue().readyOrUnknown(),
                        spec.workers.minWorkers,
                        spec.workers.maxWorkers,
                        spec.workers.messagesPerWorker,
                        active,
                        phase.phase() == RunPhase.Suspended,
                        now,
                        instant(old.scaleDownCandidateSince),
                        Duration.ofSeconds(spec.workers.scaleDownStabilizationSeconds),
                        instant(old.lastScaleUpTime),
                        settings.scaleUpPeriod()));
    }

    private static PublisherPlan planPublisher(
            DnsExtractionRun run,
            RunObservation obs,
            OperatorSettings settings,
            PhaseDecision phase,
            PublisherState publisher,
            int attempts,
            boolean started,
            RunProblem startProblem,
            boolean credentialsOk,
            boolean retrying) {
        List<String> delete =
                new ArrayList<>(
                        obs.staleJobs().stream().map(j -> j.getMetadata().getName()).toList());
        Job current = obs.publisherJob();
        String job = current == null ? null : current.getMetadata().getName();
        if (retrying) {
            if (current != null) {
                delete.add(job);
            }
            return PublisherPlan.keep(
                    delete,
                    job,
                    attempts,
                    "the failed attempt " + attempts + " is removed; a new attempt starts next");
        }
        RunPhase p = phase.phase();
        if (p.finished()) {
            return PublisherPlan.keep(delete, job, attempts, "");
        }
        boolean suspend = Boolean.TRUE.equals(run.getSpec().suspend);
        boolean wantAttempt =
                current == null
                        && p != RunPhase.Suspended
                        && ((p == RunPhase.Pending && !started && startProblem == null)
                                || p == RunPhase.Publishing);
        if (wantAttempt) {
            return startAttempt(run, obs, settings, delete, job, attempts, credentialsOk);
        }
        if (current == null || publisher != PublisherState.ACTIVE) {
            return PublisherPlan.keep(delete, job, attempts, "");
        }
        return keepAttempt(run, settings, current, delete, attempts, suspend);
    }

    /** A new attempt, once the credentials are read and the last attempt's pods are gone. */
    private static PublisherPlan startAttempt(
            DnsExtractionRun run,
            RunObservation obs,
            OperatorSettings settings,
            List<String> delete,
            String job,
            int attempts,
            boolean credentialsOk) {
        if (!credentialsOk) {
            return PublisherPlan.keep(delete, job, attempts, "");
        }
        if (obs.publisherPods() > 0) {
            return PublisherPlan.keep(
                    delete,
                    job,
                    attempts,
                    "waiting for "
                            + obs.publisherPods()
                            + " publisher pods of the previous attempt to end before starting attempt "
                            + (attempts + 1));
        }
        Job create = PublisherJobBuilder.build(run, settings, attempts + 1);
        return new PublisherPlan(
                create,
                delete,
                null,
                create.getMetadata().getName(),
                attempts + 1,
                attempts == 0
                        ? "created publisher Job " + create.getMetadata().getName()
                        : "started publisher attempt "
                                + (attempts + 1)
                                + " (Job "
                                + create.getMetadata().getName()
                                + "), resuming from the checkpoint");
    }

    /**
     * The running attempt: replaced when the spec changed what it runs, suspended or resumed with
     * the run.
     */
    private static PublisherPlan keepAttempt(
            DnsExtractionRun run,
            OperatorSettings settings,
            Job current,
            List<String> delete,
            int attempts,
            boolean suspend) {
        String job = current.getMetadata().getName();
        Job desired = PublisherJobBuilder.build(run, settings, attempts);
        if (!TemplateHash.same(current, desired)) {
            delete.add(job);
            return PublisherPlan.keep(
                    delete,
                    job,
                    attempts,
                    "the spec changed what the publisher runs:"
                            + " replacing attempt "
                            + attempts
                            + " with a new one that resumes from the checkpoint");
        }
        boolean jobSuspended = Boolean.TRUE.equals(current.getSpec().getSuspend());
        if (jobSuspended != suspend) {
            return new PublisherPlan(
                    null,
                    delete,
                    suspend,
                    job,
                    attempts,
                    (suspend ? "suspended" : "resumed") + " publisher Job " + job);
        }
        return PublisherPlan.keep(delete, job, attempts, "");
    }

    private static WorkerPlan planWorkers(
            DnsExtractionRun run,
            RunObservation obs,
            OperatorSettings settings,
            PhaseDecision phase,
            ScalingDecision scaling,
            boolean started,
            boolean credentialsOk) {
        int desired = scaling.desired();
        Deployment current = obs.deployment();
        if (current == null) {
            boolean create = desired > 0 && started && credentialsOk && !phase.phase().finished();
            return create
                    ? new WorkerPlan(
                            WorkerPlan.Action.CREATE,
                            WorkerDeploymentBuilder.build(run, settings, desired),
                            desired)
                    : WorkerPlan.none(0);
        }
        int replicas = replicas(current);
        if (!phase.phase().finished()) {
            Deployment wanted = WorkerDeploymentBuilder.build(run, settings, desired);
            if (!TemplateHash.same(current, wanted)) {
                return new WorkerPlan(WorkerPlan.Action.ROLL, wanted, desired);
            }
        }
        return desired != replicas
                ? new WorkerPlan(WorkerPlan.Action.SCALE, null, desired)
                : WorkerPlan.none(replicas);
    }

    /** {@code spec.retry} has a value no attempt was started for. */
    public static boolean retryRequested(DnsExtractionRunSpec spec, DnsExtractionRunStatus status) {
        return spec.retry != null && !spec.retry.equals(status.handledRetry);
    }

    static int replicas(Deployment d) {
        return d == null || d.getSpec() == null || d.getSpec().getReplicas() == null
                ? 0
                : d.getSpec().getReplicas();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
