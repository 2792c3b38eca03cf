/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import io.purplejo.dns.operator.OperatorSettings;
import io.purplejo.dns.operator.decide.RunDecider;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.observe.ProblemReason;
import io.purplejo.dns.operator.observe.RunBackends;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.observe.RunObserver;
import io.purplejo.dns.operator.observe.RunProblem;
import io.purplejo.dns.operator.observe.SecretValues;
import io.purplejo.dns.operator.resources.RunNames;
import io.purplejo.dns.operator.status.Conditions;
import io.purplejo.dns.operator.status.RateWindow;
import io.purplejo.dns.operator.status.RunEvents;
import io.purplejo.dns.operator.status.RunGauges;
import io.purplejo.dns.operator.status.StatusProjection;
import io.purplejo.dns.progress.RunProgress;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final OperatorSettings settings;
    private final RunBackends backends;
    private final RunObserver observer;
    private final Clock clock;
    private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();
    private final RunGauges gauges;

    public DnsExtractionRunReconciler(
            OperatorSettings settings, RunBackends backends, RunGauges gauges, Clock clock) {
        this.settings = settings;
        this.backends = backends;
        this.observer = new RunObserver(backends);
        this.gauges = gauges;
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
        new RunActuator(context.getClient(), events).act(run, obs, decision);
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
                    "Phase" + phase,
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
                events.warning(run, p.reason().conditionReason(), p.message());
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
        gauges.update(run, next);
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
     * have no events).
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
        Integer ttl = run.getSpec().ttlSecondsAfterFinished;
        if (ttl == null || next.completionTime == null) {
            return UpdateControl.noUpdate();
        }
        Instant expiry = Instant.parse(next.completionTime).plusSeconds(ttl);
        if (now.isBefore(expiry)) {
            return UpdateControl.<DnsExtractionRun>noUpdate()
                    .rescheduleAfter(Duration.between(now, expiry).toMillis() + 100);
        }
        if (Boolean.TRUE.equals(run.getSpec().deleteRunAfterTtl)) {
            events.normal(run, "Expired", "deleting the run " + ttl + " s after it finished");
            context.getClient().resource(run).delete();
            return UpdateControl.noUpdate();
        }
        if (next.childrenRemovedTime != null) {
            return UpdateControl.noUpdate();
        }
        return removeChildren(run, context, events, next, ttl, now);
    }

    /**
     * The TTL's default: the run's Jobs, Deployment and queue go, the run object and its final
     * status stay, so that a GitOps tool that re-applies it from Git starts nothing (deleting it
     * would make the tool create it again: a new uid, a whole new run).
     */
    private UpdateControl<DnsExtractionRun> removeChildren(
            DnsExtractionRun run,
            Context<DnsExtractionRun> context,
            RunEvents events,
            DnsExtractionRunStatus next,
            int ttl,
            Instant now) {
        KubernetesClient client = context.getClient();
        deleteWorkloads(client, run);
        if (RunObserver.livePods(client, run, RunNames.WORKER)
                        + RunObserver.livePods(client, run, RunNames.PUBLISHER)
                > 0) {
            return UpdateControl.<DnsExtractionRun>noUpdate()
                    .rescheduleAfter(PODS_GONE_POLL.toMillis());
        }
        String queue = ownedQueue(run, context);
        boolean keepQueue = "true".equals(annotation(run, DnsExtractionRun.KEEP_QUEUE_ANNOTATION));
        if (queue != null && !keepQueue) {
            SecretValues.Result creds = SecretValues.read(client, run);
            String failure = creds.problem() == null ? null : creds.problem().message();
            if (failure == null) {
                try {
                    backends.deleteQueue(creds.rabbitmq(), queue);
                } catch (IOException e) {
                    failure = e.getMessage();
                }
            }
            if (failure != null) {
                events.warning(
                        run,
                        "QueueNotDeleted",
                        "cannot delete queue " + queue + " (" + failure + "); retrying");
                return UpdateControl.<DnsExtractionRun>noUpdate()
                        .rescheduleAfter(MAX_DELETE_RETRY.toMillis());
            }
        }
        events.normal(
                run,
                "Expired",
                "removed the run's Jobs, worker Deployment"
                        + (queue != null && !keepQueue ? " and queue " + queue : "")
                        + " "
                        + ttl
                        + " s after it finished; the run and its status stay");
        DnsExtractionRunStatus cleaned =
                io.fabric8.kubernetes.client.utils.Serialization.clone(next);
        cleaned.childrenRemovedTime = now.toString();
        writeStatus(run, context, cleaned);
        return UpdateControl.noUpdate();
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
            events.warning(run, problem.reason().conditionReason(), problem.message());
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
        RunProblem problem =
                new RunProblem(
                        ProblemReason.RECONCILE_ERROR,
                        "reconciling failed ("
                                + e.getClass().getSimpleName()
                                + ": "
                                + e.getMessage()
                                + "); retrying with backoff");
        // written like every status (retried on conflicts against the latest copy), not by JOSDK's
        // patch,
        // which gives up on a conflict
        writeStatus(run, context, StatusProjection.problem(run, problem, clock.instant()));
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    @Override
    public DeleteControl cleanup(DnsExtractionRun run, Context<DnsExtractionRun> context) {
        KubernetesClient client = context.getClient();
        RunEvents events = new RunEvents(client, clock);
        rates.remove(run.getMetadata().getUid());
        gauges.remove(run);
        // 1. workers and publisher first: nothing may consume from or publish to the queue once it
        // is deleted
        deleteWorkloads(client, run);
        int pods =
                RunObserver.livePods(client, run, RunNames.WORKER)
                        + RunObserver.livePods(client, run, RunNames.PUBLISHER);
        if (pods > 0) {
            LOG.info(
                    "run {} deleted: waiting for {} pods to end before removing its queue",
                    RunNames.runKey(run),
                    pods);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(PODS_GONE_POLL.toMillis());
        }
        // 2. then the queue, when this run owns it
        String queue = ownedQueue(run, context);
        if (queue == null) {
            LOG.info(
                    "run {} deleted: records kept, no queue of its own to remove",
                    RunNames.runKey(run));
            return DeleteControl.defaultDelete();
        }
        if ("true".equals(annotation(run, DnsExtractionRun.KEEP_QUEUE_ANNOTATION))) {
            events.normal(
                    run,
                    "QueueKept",
                    "queue "
                            + queue
                            + " left in RabbitMQ (annotation "
                            + DnsExtractionRun.KEEP_QUEUE_ANNOTATION
                            + "=true)");
            return DeleteControl.defaultDelete();
        }
        return deleteQueue(client, run, queue, events);
    }

    private static void deleteWorkloads(KubernetesClient client, DnsExtractionRun run) {
        String ns = run.getMetadata().getNamespace();
        client.apps()
                .deployments()
                .inNamespace(ns)
                .withName(RunNames.workerDeployment(run))
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete();
        for (Job job :
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(ns)
                        .withLabel(RunNames.RUN_UID_LABEL, RunNames.runUid(run))
                        .list()
                        .getItems()) {
            client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(ns)
                    .withName(job.getMetadata().getName())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        }
    }

    /** Deletes the run's queue; on failure says why in an event and tries again with backoff. */
    private DeleteControl deleteQueue(
            KubernetesClient client, DnsExtractionRun run, String queue, RunEvents events) {
        SecretValues.Result creds = SecretValues.read(client, run);
        String failure;
        if (creds.problem() != null) {
            failure = creds.problem().message();
        } else {
            try {
                backends.deleteQueue(creds.rabbitmq(), queue);
                LOG.info(
                        "run {} deleted: queue {} removed, records kept",
                        RunNames.runKey(run),
                        queue);
                return DeleteControl.defaultDelete();
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        events.warning(
                run,
                "QueueNotDeleted",
                "cannot delete queue "
                        + queue
                        + " ("
                        + failure
                        + "); retrying with"
                        + " backoff. To leave the queue in RabbitMQ, annotate the run "
                        + DnsExtractionRun.KEEP_QUEUE_ANNOTATION
                        + "=true");
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(deleteRetry(run).toMillis());
    }

    /** The queue this run claimed, unless another live run claims the same queue now. */
    private static String ownedQueue(DnsExtractionRun run, Context<DnsExtractionRun> context) {
        String queue = run.getStatus() == null ? null : run.getStatus().queue;
        if (queue == null) {
            return null;
        }
        boolean shared =
                context.getPrimaryCache()
                        .list()
                        .anyMatch(
                                o ->
                                        !Objects.equals(
                                                        o.getMetadata().getUid(),
                                                        run.getMetadata().getUid())
                                                && o.getStatus() != null
                                                && queue.equals(o.getStatus().queue));
        return shared ? null : queue;
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

    private static String annotation(DnsExtractionRun run, String key) {
        Map<String, String> a = run.getMetadata().getAnnotations();
        return a == null ? null : a.get(key);
    }
}
