/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.operator.decide.ExpiryPlan;
import io.purplejo.dns.operator.decide.RetentionPlan;
import io.purplejo.dns.operator.decide.RunDecider;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.decide.TeardownPlan;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.observe.RunObserver;
import io.purplejo.dns.operator.observe.SecretValues;
import io.purplejo.dns.operator.observe.TeardownObservation;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.operator.status.ReconcileErrors;
import io.purplejo.dns.operator.status.RunEventReason;
import io.purplejo.dns.operator.status.RunEvents;
import io.purplejo.dns.operator.status.RunGauges;
import io.purplejo.dns.operator.status.StatusProjection;
import io.purplejo.dns.outcome.OutcomeRetention;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import io.purplejo.dns.rules.status.Conditions;
import io.purplejo.dns.rules.status.RateWindow;
import io.purplejo.dns.rules.workload.RunNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a {@code DnsExtractionRun} in four steps: observe ({@link RunObserver}: the run's
 * Jobs, Deployment, pods, Secrets, progress and queue, each known or explicitly not), decide
 * ({@link RunDecider}, pure), act ({@link RunActuator}), and record (the status from {@link
 * StatusProjection}, written only when it changed). On deletion it stops the workers and the
 * publisher, waits for their pods, then removes the queue the run owns; records stay.
 */
public class DnsExtractionRunReconciler
        implements Reconciler<DnsExtractionRun>, Cleaner<DnsExtractionRun> {
    private static final Logger LOG = LoggerFactory.getLogger(DnsExtractionRunReconciler.class);
    private static final Duration RATE_WINDOW = Duration.ofMinutes(2);
    private static final Duration PODS_GONE_POLL = Duration.ofSeconds(2);
    private static final Duration MIN_DELETE_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_DELETE_RETRY = Duration.ofMinutes(5);

    /** A margin past a retention's end, so that the reconciliation it schedules finds it due. */
    private static final Duration PAST_DUE = Duration.ofSeconds(1);

    /** How soon a retention that could not be applied (Secret, database) is tried again. */
    private static final Duration RETENTION_RETRY = Duration.ofMinutes(10);

    private final OperatorSettings settings;
    private final RunBackends backends;
    private final RunObserver observer;
    private final Clock clock;
    private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();
    private final RunGauges gauges;
    private final ReconcileErrors errors;

    public DnsExtractionRunReconciler(
            OperatorSettings settings,
            RunBackends backends,
            RunGauges gauges,
            ReconcileErrors errors,
            Clock clock) {
        this.settings = settings;
        this.backends = backends;
        this.observer = new RunObserver(backends);
        this.gauges = gauges;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, DnsExtractionRun>> prepareEventSources(
            EventSourceContext<DnsExtractionRun> context) {
        var jobs =
                new InformerEventSource<>(
                        InformerEventSourceConfiguration.from(Job.class, DnsExtractionRun.class)
                                .withSecondaryToPrimaryMapper(
                                        Mappers.fromOwnerReferences(DnsExtractionRun.class))
                                .withNamespacesInheritedFromController()
                                .build(),
                        context);
        var deployments =
                new InformerEventSource<>(
                        InformerEventSourceConfiguration.from(
                                        Deployment.class, DnsExtractionRun.class)
                                .withSecondaryToPrimaryMapper(
                                        Mappers.fromOwnerReferences(DnsExtractionRun.class))
                                .withNamespacesInheritedFromController()
                                .build(),
                        context);
        return List.of(jobs, deployments);
    }

    @Override
    public UpdateControl<DnsExtractionRun> reconcile(
            DnsExtractionRun run, Context<DnsExtractionRun> context) {
        Instant now = clock.instant();
        RunEvents events = new RunEvents(context.getClient(), clock);
        if (run.getSpec() == null) {
            RunProblem problem = SecretValues.read(context.getClient(), run).problem();
            recordProblem(run, context, events, problem, now);
            return UpdateControl.noUpdate();
        }
        DnsExtractionRunStatus old =
                run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();
        boolean retryPending =
                old.phase == RunPhase.Failed && RunDecider.retryRequested(run.getSpec(), old);
        boolean finished = old.phase != null && old.phase.finished() && !retryPending;

        RunObservation obs = observer.observe(run, context, finished);
        RunDecision decision = RunDecider.decide(run, obs, settings, now);
        new RunActuator(context.getClient(), events, backends).act(run, obs, decision);
        DnsExtractionRunStatus next = record(run, context, events, old, obs, decision, now);
        return schedule(run, context, events, next, now);
    }

    /** The record step: events for what changed, the status when it changed, the run's gauges. */
    private DnsExtractionRunStatus record(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            DnsExtractionRunStatus old,
            RunObservation obs,
            RunDecision decision,
            Instant now) {
        RunPhase phase = decision.phase().phase();
        if (old.phase != phase) {
            events.normal(
                    run,
                    RunEventReason.enteredPhase(phase),
                    (old.phase == null ? "new run" : old.phase)
                            + " -> "
                            + phase
                            + (decision.phase().message() == null
                                    ? ""
                                    : ": " + decision.phase().message()));
        }
        String oldDegraded = degradedMessage(old);
        for (RunProblem p : decision.problems()) {
            if (oldDegraded == null || !oldDegraded.contains(p.message())) {
                events.warning(run, p.reason(), p.message());
            }
            if (p.reason() == ProblemReason.ILLEGAL_TRANSITION) {
                LOG.error("run {}: {}", RunNames.runKey(run), p.message());
            }
        }
        RateWindow rate =
                rates.computeIfAbsent(run.getMetadata().getUid(), k -> new RateWindow(RATE_WINDOW));
        RunProgress progress = obs.progress().known();
        if (progress != null) {
            rate.add(now, progress.done());
        }
        DnsExtractionRunStatus next = StatusProjection.project(run, obs, decision, rate, now);
        if (!next.equals(old)) {
            writeStatus(run, context, next);
        }
        gauges.update(run, next, obs.queue());
        return next;
    }

    private static String degradedMessage(DnsExtractionRunStatus s) {
        return s.conditions == null
                ? null
                : s.conditions.stream()
                        .filter(
                                c ->
                                        Conditions.DEGRADED.equals(c.getType())
                                                && "True".equals(c.getStatus()))
                        .map(io.fabric8.kubernetes.api.model.Condition::getMessage)
                        .findFirst()
                        .orElse(null);
    }

    /**
     * Active and waiting runs are observed every reconcile interval (Secrets, database and queue
     * have no events); a finished run is looked at again when its TTL or its outcome retention is
     * due.
     */
    private UpdateControl<DnsExtractionRun> schedule(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            DnsExtractionRunStatus next,
            Instant now) {
        if (!next.phase.finished()) {
            return UpdateControl.<DnsExtractionRun>noUpdate()
                    .rescheduleAfter(settings.reconcileInterval().toMillis());
        }
        rates.remove(run.getMetadata().getUid());
        ExpiryPlan expiry = ExpiryPlan.decide(run.getSpec(), next, now);
        int ttl =
                run.getSpec().ttlSecondsAfterFinished == null
                        ? 0
                        : run.getSpec().ttlSecondsAfterFinished;
        RunActuator actuator = new RunActuator(context.getClient(), events, backends);
        DnsExtractionRunStatus ended = io.fabric8.kubernetes.client.utils.Serialization.clone(next);
        Duration expiryWait = null;
        switch (expiry.action()) {
            case WAIT:
                expiryWait = expiry.untilExpiry();
                break;
            case DELETE_RUN:
                events.normal(
                        run,
                        RunEventReason.EXPIRED,
                        "deleting the run " + ttl + " s after it finished");
                actuator.deleteRun(run);
                return UpdateControl.noUpdate();
            case REMOVE_CHILDREN:
                expiryWait = removeChildren(run, context, events, actuator, ttl);
                if (expiryWait == null) {
                    ended.childrenRemovedTime = now.toString();
                }
                break;
            case NONE:
            default:
                break;
        }
        Duration retentionWait = applyRetention(run, context, events, actuator, ended, now);
        if (!ended.equals(next)) {
            writeStatus(run, context, ended);
        }
        Duration wait =
                expiryWait == null
                        ? retentionWait
                        : retentionWait == null || expiryWait.compareTo(retentionWait) < 0
                                ? expiryWait
                                : retentionWait;
        return wait == null
                ? UpdateControl.noUpdate()
                : UpdateControl.<DnsExtractionRun>noUpdate().rescheduleAfter(wait.toMillis());
    }

    /**
     * The TTL's default: the run's Jobs, Deployment and queue go, the run object and its final
     * status stay, so that a GitOps tool that re-applies it from Git starts nothing (deleting it
     * would make the tool create it again: a new uid, a whole new run).
     *
     * @return when to look again, or null once the children are gone
     */
    private Duration removeChildren(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            RunActuator actuator,
            int ttl) {
        actuator.deleteWorkloads(run);
        TeardownObservation left = observer.observeTeardown(run, context);
        TeardownPlan plan = TeardownPlan.decide(left);
        if (plan.step() == TeardownPlan.Step.WAIT_FOR_PODS) {
            return PODS_GONE_POLL;
        }
        if (plan.step() == TeardownPlan.Step.DELETE_QUEUE) {
            String failure = actuator.deleteQueue(left, plan);
            if (failure != null) {
                events.warning(
                        run,
                        RunEventReason.QUEUE_NOT_DELETED,
                        "cannot delete queue " + plan.queue() + " (" + failure + "); retrying");
                return MAX_DELETE_RETRY;
            }
        }
        events.normal(
                run,
                RunEventReason.EXPIRED,
                "removed the run's Jobs, worker Deployment"
                        + (plan.step() == TeardownPlan.Step.DELETE_QUEUE
                                ? " and queue " + plan.queue()
                                : "")
                        + " "
                        + ttl
                        + " s after it finished; the run and its status stay");
        return null;
    }

    /**
     * {@code outcomeRetentionDays} of a finished run: once its days have passed, the run's database
     * drops its per-domain outcomes (unless a worker stored one since) and the status records it,
     * so that they go when the retention says, not when some later run's publisher starts.
     *
     * @param ended the status to record the drop in
     * @return when to look again, or null when there is nothing left to do
     */
    private static Duration applyRetention(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            RunActuator actuator,
            DnsExtractionRunStatus ended,
            Instant now) {
        RetentionPlan plan = RetentionPlan.decide(run.getSpec(), ended, now);
        if (plan.action() == RetentionPlan.Action.NONE) {
            return null;
        }
        if (plan.action() == RetentionPlan.Action.WAIT) {
            return plan.untilDue().plus(PAST_DUE);
        }
        RunActuator.RetentionAttempt attempt =
                actuator.applyRetention(run, SecretValues.read(context.getClient(), run), now);
        if (attempt.problem() != null) {
            events.warning(
                    run,
                    RunEventReason.RETENTION_NOT_APPLIED,
                    "cannot apply outcomeRetentionDays now (" + attempt.problem() + "); retrying");
            return RETENTION_RETRY;
        }
        if (attempt.retention() instanceof OutcomeRetention.RunRetention.KeptUntil kept) {
            return Duration.between(now, kept.until()).plus(PAST_DUE);
        }
        if (attempt.retention() instanceof OutcomeRetention.RunRetention.Dropped dropped) {
            ended.outcomesDroppedTime = dropped.at().toString();
            events.normal(
                    run,
                    RunEventReason.OUTCOMES_DROPPED,
                    "dropped the run's per-domain outcomes: its outcomeRetentionDays ("
                            + run.getSpec().outcomeRetentionDays
                            + ") ended; its counters and status stay");
        }
        // None: the run's database holds no retention for it (its publisher never started)
        return null;
    }

    private static void recordProblem(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            RunProblem problem,
            Instant now) {
        DnsExtractionRunStatus old =
                run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();
        DnsExtractionRunStatus next = StatusProjection.problem(run, problem, now);
        if (!next.equals(old)) {
            events.warning(run, problem.reason(), problem.message());
            writeStatus(run, context, next);
        }
    }

    /**
     * Writes the status with a plain update of the status subresource (supported by every API
     * server, test servers included), retried on conflicts, and puts the result in the operator's
     * cache: the status carries scaling state and the current publisher attempt, and the
     * reconciliation that our own Job or Deployment change triggers must not read an older copy.
     */
    private static void writeStatus(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            DnsExtractionRunStatus status) {
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
                run,
                context,
                r -> {
                    r.setStatus(status);
                    return r;
                });
    }

    /**
     * A reconciliation that threw: the Degraded condition says so with its reason; JOSDK retries
     * with backoff.
     */
    @Override
    public ErrorStatusUpdateControl<DnsExtractionRun> updateErrorStatus(
            DnsExtractionRun run, Context<DnsExtractionRun> context, Exception e) {
        LOG.error("reconciling {} failed", RunNames.runKey(run), e);
        errors.run();
        RunProblem problem =
                new RunProblem(
                        ProblemReason.RECONCILE_ERROR,
                        "reconciling failed ("
                                + e.getClass().getSimpleName()
                                + ": "
                                + e.getMessage()
                                + "); retrying with backoff");
        // written like every status (retried on conflicts against the latest copy), not by JOSDK's
        // patch, which gives up on a conflict
        writeStatus(run, context, StatusProjection.problem(run, problem, clock.instant()));
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /**
     * Deletion, through the same teardown as the TTL: workloads first (nothing may consume from or
     * publish to the queue once it is deleted), then the queue when this run owns it; the records
     * stay.
     */
    @Override
    public DeleteControl cleanup(DnsExtractionRun run, Context<DnsExtractionRun> context) {
        RunEvents events = new RunEvents(context.getClient(), clock);
        RunActuator actuator = new RunActuator(context.getClient(), events, backends);
        rates.remove(run.getMetadata().getUid());
        gauges.remove(run);
        actuator.deleteWorkloads(run);
        TeardownObservation left = observer.observeTeardown(run, context);
        TeardownPlan plan = TeardownPlan.decide(left);
        switch (plan.step()) {
            case WAIT_FOR_PODS:
                LOG.info(
                        "run {} deleted: waiting for {} pods to end before removing its queue",
                        RunNames.runKey(run),
                        left.livePods());
                return DeleteControl.noFinalizerRemoval()
                        .rescheduleAfter(PODS_GONE_POLL.toMillis());
            case KEEP_QUEUE:
                events.normal(
                        run,
                        RunEventReason.QUEUE_KEPT,
                        "queue "
                                + plan.queue()
                                + " left in RabbitMQ (annotation "
                                + DnsExtractionRun.KEEP_QUEUE_ANNOTATION
                                + "=true)");
                return DeleteControl.defaultDelete();
            case DELETE_QUEUE:
                return deleteQueue(run, actuator, left, plan, events);
            case DONE:
            default:
                LOG.info(
                        "run {} deleted: records kept, no queue of its own to remove",
                        RunNames.runKey(run));
                return DeleteControl.defaultDelete();
        }
    }

    /** Deletes the run's queue; on failure says why in an event and tries again with backoff. */
    private DeleteControl deleteQueue(
            DnsExtractionRun run,
            RunActuator actuator,
            TeardownObservation left,
            TeardownPlan plan,
            RunEvents events) {
        String failure = actuator.deleteQueue(left, plan);
        if (failure == null) {
            LOG.info(
                    "run {} deleted: queue {} removed, records kept",
                    RunNames.runKey(run),
                    plan.queue());
            return DeleteControl.defaultDelete();
        }
        events.warning(
                run,
                RunEventReason.QUEUE_NOT_DELETED,
                "cannot delete queue "
                        + plan.queue()
                        + " ("
                        + failure
                        + "); retrying with"
                        + " backoff. To leave the queue in RabbitMQ, annotate the run "
                        + DnsExtractionRun.KEEP_QUEUE_ANNOTATION
                        + "=true");
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(deleteRetry(run).toMillis());
    }

    /**
     * A quarter of the time since deletion was asked, between 2 s and 5 min: quick at first, gentle
     * later.
     */
    private Duration deleteRetry(DnsExtractionRun run) {
        String since = run.getMetadata().getDeletionTimestamp();
        Duration age =
                since == null
                        ? Duration.ZERO
                        : Duration.between(Instant.parse(since), clock.instant());
        Duration d = age.dividedBy(4);
        return d.compareTo(MIN_DELETE_RETRY) < 0
                ? MIN_DELETE_RETRY
                : d.compareTo(MAX_DELETE_RETRY) > 0 ? MAX_DELETE_RETRY : d;
    }
}
