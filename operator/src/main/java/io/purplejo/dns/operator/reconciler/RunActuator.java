/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.operator.decide.PublisherPlan;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.decide.TeardownPlan;
import io.purplejo.dns.operator.decide.WorkerPlan;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.observe.SecretValues;
import io.purplejo.dns.operator.observe.TeardownObservation;
import io.purplejo.dns.operator.resources.TemplateHash;
import io.purplejo.dns.operator.status.RunEventReason;
import io.purplejo.dns.operator.status.RunEvents;
import io.purplejo.dns.outcome.OutcomeRetention;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.rules.workload.RunNames;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The act step: carries out a decision against the API server (Jobs, the Deployment) and records
 * what it did as events. Creating an object that already exists (a status write lost after the
 * create) adopts it.
 */
final class RunActuator {
    private final KubernetesClient client;
    private final RunEvents events;
    private final RunBackends backends;

    RunActuator(KubernetesClient client, RunEvents events, RunBackends backends) {
        this.client = client;
        this.events = events;
        this.backends = backends;
    }

    void act(DnsExtractionRun run, RunObservation obs, RunDecision decision) {
        publisher(run, decision.publisher());
        workers(run, obs, decision);
    }

    private void publisher(DnsExtractionRun run, PublisherPlan plan) {
        String ns = run.getMetadata().getNamespace();
        for (String name : plan.delete()) {
            client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(ns)
                    .withName(name)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        }
        if (plan.create() != null) {
            Job job = plan.create();
            job.addOwnerReference(run);
            createOrAdopt(() -> client.batch().v1().jobs().inNamespace(ns).resource(job).create());
            events.normal(run, RunEventReason.PUBLISHER_CREATED, plan.note());
        } else if (plan.suspend() != null) {
            client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(ns)
                    .withName(plan.job())
                    .edit(
                            j -> {
                                j.getSpec().setSuspend(plan.suspend());
                                return j;
                            });
            events.normal(
                    run,
                    plan.suspend() ? RunEventReason.SUSPENDED : RunEventReason.RESUMED,
                    plan.note());
        } else if (!plan.delete().isEmpty() && !plan.note().isEmpty()) {
            events.normal(run, RunEventReason.PUBLISHER_REPLACED, plan.note());
        } else if (!plan.note().isEmpty()) {
            events.normal(run, RunEventReason.PUBLISHER_WAITING, plan.note());
        }
    }

    private void workers(DnsExtractionRun run, RunObservation obs, RunDecision decision) {
        String ns = run.getMetadata().getNamespace();
        WorkerPlan plan = decision.workers();
        String reason = decision.scaling().reason();
        switch (plan.action()) {
            case NONE -> {}
            case CREATE -> {
                Deployment d = plan.desired();
                d.addOwnerReference(run);
                createOrAdopt(
                        () -> client.apps().deployments().inNamespace(ns).resource(d).create());
                events.normal(
                        run,
                        RunEventReason.WORKERS_CREATED,
                        "created worker Deployment "
                                + d.getMetadata().getName()
                                + " with "
                                + plan.replicas()
                                + " workers: "
                                + reason);
            }
            case SCALE -> {
                int before =
                        obs.deployment().getSpec().getReplicas() == null
                                ? 0
                                : obs.deployment().getSpec().getReplicas();
                client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName(obs.deployment().getMetadata().getName())
                        .edit(
                                d -> {
                                    d.getSpec().setReplicas(plan.replicas());
                                    return d;
                                });
                events.normal(
                        run,
                        RunEventReason.SCALED,
                        "workers " + before + " -> " + plan.replicas() + ": " + reason);
            }
            case ROLL -> {
                Deployment wanted = plan.desired();
                client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName(obs.deployment().getMetadata().getName())
                        .edit(
                                d -> {
                                    Map<String, String> a =
                                            d.getMetadata().getAnnotations() == null
                                                    ? new HashMap<>()
                                                    : new HashMap<>(
                                                            d.getMetadata().getAnnotations());
                                    a.put(TemplateHash.ANNOTATION, TemplateHash.current(wanted));
                                    d.getMetadata().setAnnotations(a);
                                    d.getSpec().setTemplate(wanted.getSpec().getTemplate());
                                    d.getSpec().setReplicas(plan.replicas());
                                    return d;
                                });
                events.normal(
                        run,
                        RunEventReason.WORKERS_ROLLED,
                        "the spec changed what the workers run: rolling Deployment "
                                + obs.deployment().getMetadata().getName()
                                + " to the new template ("
                                + plan.replicas()
                                + " workers; each drains before it stops)");
            }
            default -> throw new IllegalStateException("unknown action " + plan.action());
        }
    }

    private static void createOrAdopt(Runnable create) {
        try {
            create.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    /** Asks the run's worker Deployment and every Job of the run to go, with their pods. */
    void deleteWorkloads(DnsExtractionRun run) {
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

    /**
     * Deletes the queue a teardown plan names.
     *
     * @return why it could not be deleted, or null when it is gone
     */
    String deleteQueue(TeardownObservation obs, TeardownPlan plan) {
        SecretValues.Result creds = obs.credentials();
        if (creds.problem() != null) {
            return creds.problem().message();
        }
        try {
            backends.deleteQueue(creds.rabbitmq(), plan.queue());
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** What applying the retention came to: the database's answer, or why it was not asked. */
    record RetentionAttempt(OutcomeRetention.RunRetention retention, String problem) {}

    /** Applies the run's outcome retention in its database. */
    RetentionAttempt applyRetention(DnsExtractionRun run, SecretValues.Result creds, Instant now) {
        if (creds.problem() != null) {
            return new RetentionAttempt(null, creds.problem().message());
        }
        try {
            return new RetentionAttempt(
                    backends.applyRetention(creds.postgres(), RunNames.runUid(run), now), null);
        } catch (SQLException | DatabaseUnavailableException e) {
            return new RetentionAttempt(
                    null, "PostgreSQL at " + creds.postgres() + ": " + e.getMessage());
        }
    }

    /** Deletes the run itself ({@code deleteRunAfterTtl}). */
    void deleteRun(DnsExtractionRun run) {
        client.resource(run).delete();
    }
}
