package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
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
import io.purplejo.dns.operator.observe.RunBackends;
import io.purplejo.dns.operator.observe.SecretValues;
import io.purplejo.dns.operator.phase.PhaseDecision;
import io.purplejo.dns.operator.phase.PhaseInput;
import io.purplejo.dns.operator.phase.PhaseMachine;
import io.purplejo.dns.operator.phase.PublisherState;
import io.purplejo.dns.operator.resources.PublisherJobBuilder;
import io.purplejo.dns.operator.resources.RunNames;
import io.purplejo.dns.operator.resources.WorkerDeploymentBuilder;
import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.operator.scaling.ScalingInput;
import io.purplejo.dns.operator.scaling.WorkerScaler;
import io.purplejo.dns.operator.status.RateWindow;
import io.purplejo.dns.operator.status.RunEvents;
import io.purplejo.dns.operator.status.RunGauges;
import io.purplejo.dns.operator.status.StatusProjection;
import io.purplejo.dns.progress.RunProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a {@code DnsExtractionRun} in four steps: observe (the run, its Job and Deployment, its
 * Secrets, its progress in the database and its queue depth), decide (the phase and the worker count,
 * both pure functions), act (create the Job and Deployment, suspend, scale, expire), and record (the status,
 * written only when it changed). On deletion it removes the run's queue and objects; records stay.
 */
public class DnsExtractionRunReconciler implements Reconciler<DnsExtractionRun>, Cleaner<DnsExtractionRun> {
    private static final Logger LOG = LoggerFactory.getLogger(DnsExtractionRunReconciler.class);
    private static final Duration RATE_WINDOW = Duration.ofMinutes(2);

    private final OperatorSettings settings;
    private final RunBackends backends;
    private final Clock clock;
    private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();
    private final RunGauges gauges;

    public DnsExtractionRunReconciler(OperatorSettings settings, RunBackends backends, RunGauges gauges, Clock clock) {
        this.settings = settings;
        this.backends = backends;
        this.gauges = gauges;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, DnsExtractionRun>> prepareEventSources(EventSourceContext<DnsExtractionRun> context) {
        var jobs = new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, DnsExtractionRun.class)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(DnsExtractionRun.class))
                .withNamespacesInheritedFromController().build(), context);
        var deployments = new InformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class,
                        DnsExtractionRun.class)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(DnsExtractionRun.class))
                .withNamespacesInheritedFromController().build(), context);
        return List.of(jobs, deployments);
    }

    /** Everything observed in one reconciliation. */
    record Observation(Job job, Deployment deployment, SecretValues.Result credentials, Optional<RunProgress> progress,
                       String databaseProblem, long queueDepth, String queueProblem) {
    }

    @Override
    public UpdateControl<DnsExtractionRun> reconcile(DnsExtractionRun run, Context<DnsExtractionRun> context) {
        KubernetesClient client = context.getClient();
        RunEvents events = new RunEvents(client);
        Instant now = clock.instant();
        DnsExtractionRunStatus old = run.getStatus() == null ? new DnsExtractionRunStatus() : run.getStatus();

        // observe
        Observation obs = observe(run, context, client);

        // decide
        RunProgress p = obs.progress().orElse(null);
        long published = p == null ? 0 : p.published();
        long done = p == null ? 0 : p.done();
        Instant started = old.startTime == null ? now : Instant.parse(old.startTime);
        boolean deadlineExceeded = run.getSpec().activeDeadlineSeconds != null
                && Duration.between(started, now).getSeconds() > run.getSpec().activeDeadlineSeconds;
        PhaseDecision phase = PhaseMachine.next(new PhaseInput(old.phase, obs.credentials().problem() != null,
                Boolean.TRUE.equals(run.getSpec().suspend), publisherState(obs.job()), published, done,
                deadlineExceeded));
        if (!PhaseMachine.allowed(old.phase, phase.phase())) {
            throw new IllegalStateException("illegal phase move " + old.phase + " -> " + phase.phase());
        }
        int currentWorkers = obs.deployment() == null || obs.deployment().getSpec().getReplicas() == null ? 0
                : obs.deployment().getSpec().getReplicas();
        boolean active = phase.phase() == RunPhase.Publishing || phase.phase() == RunPhase.Resolving;
        ScalingDecision scaling = WorkerScaler.decide(new ScalingInput(currentWorkers, obs.queueDepth(),
                run.getSpec().workers.minWorkers, run.getSpec().workers.maxWorkers,
                run.getSpec().workers.messagesPerWorker, active, phase.phase() == RunPhase.Suspended, now,
                old.scaleDownCandidateSince == null ? null : Instant.parse(old.scaleDownCandidateSince),
                Duration.ofSeconds(run.getSpec().workers.scaleDownStabilizationSeconds),
                old.lastScaleUpTime == null ? null : Instant.parse(old.lastScaleUpTime), settings.scaleUpPeriod()));

        // act
        act(run, client, events, obs, phase, scaling, currentWorkers);
        if (old.phase != phase.phase()) {
            events.normal(run, "Phase" + phase.phase(), (old.phase == null ? "new run" : old.phase) + " -> "
                    + phase.phase() + (phase.message() == null ? "" : ": " + phase.message()));
        }
        if (obs.credentials().problem() != null && !obs.credentials().problem().equals(old.message)) {
            events.warning(run, "InvalidSpec", obs.credentials().problem());
        }

        // record
        RateWindow rate = rates.computeIfAbsent(run.getMetadata().getUid(), k -> new RateWindow(RATE_WINDOW));
        if (p != null) {
            rate.add(now, done);
        }
        DnsExtractionRunStatus next = StatusProjection.project(run, old, obs.job(), obs.deployment(), p,
                obs.queueDepth(), phase, scaling, problem(obs), rate, now);
        if (!next.equals(old)) {
            writeStatus(run, context, next);
        }
        gauges.update(run, next);
        if (phase.phase().finished()) {
            rates.remove(run.getMetadata().getUid());
            Integer ttl = run.getSpec().ttlSecondsAfterFinished;
            if (ttl != null && next.completionTime != null) {
                Instant expiry = Instant.parse(next.completionTime).plusSeconds(ttl);
                if (!now.isBefore(expiry)) {
                    events.normal(run, "Expired", "deleting the run " + ttl + " s after it finished");
                    client.resource(run).delete();
                    return UpdateControl.noUpdate();
                }
                return UpdateControl.<DnsExtractionRun>noUpdate()
                        .rescheduleAfter(Duration.between(now, expiry).toMillis() + 100);
            }
            return UpdateControl.noUpdate();
        }
        return UpdateControl.<DnsExtractionRun>noUpdate().rescheduleAfter(settings.reconcileInterval().toMillis());
    }

    private Observation observe(DnsExtractionRun run, Context<DnsExtractionRun> context, KubernetesClient client) {
        Job job = context.getSecondaryResource(Job.class).orElse(null);
        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        SecretValues.Result creds = SecretValues.read(client, run);
        Optional<RunProgress> progress = Optional.empty();
        String dbProblem = null;
        long depth = -1;
        String queueProblem = null;
        if (creds.postgres() != null) {
            try {
                progress = backends.progress(creds.postgres(), RunNames.runKey(run));
            } catch (Exception e) {
                dbProblem = "cannot read progress from PostgreSQL at " + creds.postgres() + ": " + e.getMessage();
            }
        }
        if (creds.rabbitmq() != null) {
            try {
                depth = backends.queueDepth(creds.rabbitmq(), RunNames.queue(run));
            } catch (Exception e) {
                queueProblem = "cannot read the queue depth from RabbitMQ at " + creds.rabbitmq() + ": "
                        + e.getMessage();
            }
        }
        return new Observation(job, deployment, creds, progress, dbProblem, depth, queueProblem);
    }

    private static String problem(Observation obs) {
        if (obs.credentials().problem() != null) {
            return obs.credentials().problem();
        }
        if (obs.databaseProblem() != null) {
            return obs.databaseProblem();
        }
        return obs.queueProblem();
    }

    static PublisherState publisherState(Job job) {
        if (job == null) {
            return PublisherState.NONE;
        }
        if (job.getStatus() != null && job.getStatus().getConditions() != null) {
            for (JobCondition c : job.getStatus().getConditions()) {
                if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                    return PublisherState.SUCCEEDED;
                }
                if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                    return PublisherState.FAILED;
                }
            }
        }
        if (job.getStatus() != null && job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
            return PublisherState.SUCCEEDED;
        }
        return PublisherState.ACTIVE;
    }

    private void act(DnsExtractionRun run, KubernetesClient client, RunEvents events, Observation obs,
                     PhaseDecision phase, ScalingDecision scaling, int currentWorkers) {
        String ns = run.getMetadata().getNamespace();
        boolean suspend = Boolean.TRUE.equals(run.getSpec().suspend);
        boolean canStart = obs.credentials().problem() == null && !phase.phase().finished();
        if (obs.job() == null && canStart && phase.phase() != RunPhase.Suspended) {
            Job job = PublisherJobBuilder.build(run, settings);
            job.addOwnerReference(run);
            client.batch().v1().jobs().inNamespace(ns).resource(job).create();
            events.normal(run, "PublisherCreated", "created publisher Job " + job.getMetadata().getName());
        } else if (obs.job() != null && !phase.phase().finished()
                && suspend != Boolean.TRUE.equals(obs.job().getSpec().getSuspend())) {
            // suspend is the one field of a Job meant to change after creation
            client.batch().v1().jobs().inNamespace(ns).withName(obs.job().getMetadata().getName())
                    .edit(j -> {
                        j.getSpec().setSuspend(suspend);
                        return j;
                    });
            events.normal(run, suspend ? "Suspended" : "Resumed", (suspend ? "suspended" : "resumed")
                    + " publisher Job " + obs.job().getMetadata().getName());
        }
        int desired = scaling.desired();
        if (obs.deployment() == null) {
            if (desired > 0 && canStart) {
                Deployment d = WorkerDeploymentBuilder.build(run, settings, desired);
                d.addOwnerReference(run);
                client.apps().deployments().inNamespace(ns).resource(d).create();
                events.normal(run, "WorkersCreated", "created worker Deployment " + d.getMetadata().getName()
                        + " with " + desired + " workers: " + scaling.reason());
            }
        } else if (desired != currentWorkers) {
            client.apps().deployments().inNamespace(ns).withName(obs.deployment().getMetadata().getName())
                    .edit(d -> {
                        d.getSpec().setReplicas(desired);
                        return d;
                    });
            events.normal(run, "Scaled", "workers " + currentWorkers + " -> " + desired + ": " + scaling.reason());
        }
    }

    /**
     * Writes the status with a plain update of the status subresource (supported by every API server, test
     * servers included; server-side apply and merge patches of lists are not), retried on conflicts, and
     * puts the result in the operator's cache: the status carries scaling state (when workers were last
     * added), and the reconciliation that our own Deployment change triggers must not read an older copy.
     */
    private static void writeStatus(DnsExtractionRun run, Context<DnsExtractionRun> context,
                                    DnsExtractionRunStatus status) {
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(run, context, r -> {
            r.setStatus(status);
            return r;
        });
    }

    @Override
    public DeleteControl cleanup(DnsExtractionRun run, Context<DnsExtractionRun> context) {
        KubernetesClient client = context.getClient();
        RunEvents events = new RunEvents(client);
        rates.remove(run.getMetadata().getUid());
        gauges.remove(run);
        SecretValues.Result creds = SecretValues.read(client, run);
        if (creds.rabbitmq() != null) {
            try {
                backends.deleteQueue(creds.rabbitmq(), RunNames.queue(run));
            } catch (Exception e) {
                events.warning(run, "QueueNotDeleted", "cannot delete queue " + RunNames.queue(run) + ": "
                        + e.getMessage() + "; retrying");
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(30).toMillis());
            }
        } else {
            events.warning(run, "QueueNotDeleted", "cannot delete queue " + RunNames.queue(run)
                    + ": the RabbitMQ Secret is not readable (" + creds.problem() + ")");
        }
        String ns = run.getMetadata().getNamespace();
        try {
            client.batch().v1().jobs().inNamespace(ns).withName(RunNames.publisherJob(run)).delete();
            client.apps().deployments().inNamespace(ns).withName(RunNames.workerDeployment(run)).delete();
        } catch (KubernetesClientException e) {
            LOG.warn("deleting the objects of {}: {}", run.getMetadata().getName(), e.getMessage());
        }
        LOG.info("run {} deleted: queue {} removed, records kept", RunNames.runKey(run), RunNames.queue(run));
        return DeleteControl.defaultDelete();
    }
}
