/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.purplejo.dns.amqp.BrokerRefusedException;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.db.DatabaseRefusedException;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.rules.backend.ProgressReading;
import io.purplejo.dns.rules.backend.QueueReading;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import io.purplejo.dns.rules.workload.RunNames;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The observe step: reads a run's Job, Deployment, pods, Secrets, progress and queue, each into a
 * typed reading. A finished run is not read against PostgreSQL and RabbitMQ any more.
 */
public final class RunObserver {
    private final RunBackends backends;

    public RunObserver(RunBackends backends) {
        this.backends = backends;
    }

    public RunObservation observe(
            DnsExtractionRun run, Context<DnsExtractionRun> context, boolean finished) {
        KubernetesClient client = context.getClient();
        DnsExtractionRunStatus status = run.getStatus();
        String currentName =
                status == null || status.publisher == null ? null : status.publisher.job;
        Job current = null;
        List<Job> stale = new ArrayList<>();
        for (Job j : context.getSecondaryResources(Job.class)) {
            if (j.getMetadata().getName().equals(currentName)) {
                current = j;
            } else {
                stale.add(j);
            }
        }
        if (current == null && currentName != null) {
            // the cache may lag behind a Job created a moment ago: only the API server can say it
            // is gone
            current =
                    client.batch()
                            .v1()
                            .jobs()
                            .inNamespace(run.getMetadata().getNamespace())
                            .withName(currentName)
                            .get();
        }
        if (current != null && current.getMetadata().getDeletionTimestamp() != null) {
            current = null;
        }
        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        if (finished) {
            return new RunObservation(
                    current,
                    stale,
                    0,
                    deployment,
                    null,
                    new ProgressReading.NotRead(),
                    new QueueReading.NotRead(),
                    null);
        }
        int pods = current == null ? livePods(client, run, RunNames.PUBLISHER) : 0;
        SecretValues.Result creds = SecretValues.read(client, run);
        ProgressReading progress = new ProgressReading.NotRead();
        QueueReading queue = new QueueReading.NotRead();
        if (creds.problem() == null) {
            progress = readProgress(creds, run);
            queue = readQueue(creds, run);
        }
        return new RunObservation(
                current,
                stale,
                pods,
                deployment,
                creds,
                progress,
                queue,
                QueueClaim.of(run, context.getPrimaryCache().list().toList()));
    }

    private ProgressReading readProgress(SecretValues.Result creds, DnsExtractionRun run) {
        try {
            Optional<io.purplejo.dns.progress.RunProgress> p =
                    backends.progress(creds.postgres(), RunNames.runUid(run));
            return p.<ProgressReading>map(ProgressReading.Known::new)
                    .orElseGet(ProgressReading.NotCreated::new);
        } catch (SQLException | DatabaseUnavailableException e) {
            DatabaseRefusedException refused =
                    DatabaseRefusedException.from(e, creds.postgres()).orElse(null);
            if (refused != null) {
                return new ProgressReading.Unavailable(
                        new RunProblem(ProblemReason.DATABASE_REFUSED, refused.getMessage()));
            }
            return new ProgressReading.Unavailable(
                    new RunProblem(
                            ProblemReason.DATABASE_UNAVAILABLE,
                            "cannot read progress from PostgreSQL at "
                                    + creds.postgres()
                                    + ": "
                                    + e.getMessage()));
        }
    }

    private QueueReading readQueue(SecretValues.Result creds, DnsExtractionRun run) {
        try {
            return backends.queue(creds.rabbitmq(), RunNames.queue(run));
        } catch (BrokerRefusedException e) {
            return new QueueReading.Unavailable(
                    new RunProblem(ProblemReason.BROKER_REFUSED, e.getMessage()));
        } catch (IOException e) {
            return new QueueReading.Unavailable(
                    new RunProblem(
                            ProblemReason.QUEUE_UNAVAILABLE,
                            "cannot read the queue depth from RabbitMQ at "
                                    + creds.rabbitmq()
                                    + ": "
                                    + e.getMessage()));
        }
    }

    /**
     * What is left of a run being taken down, once its Jobs and Deployment were asked to go: pods
     * that have not ended, who owns its queue, and whether the user wants the queue kept.
     */
    public TeardownObservation observeTeardown(
            DnsExtractionRun run, Context<DnsExtractionRun> context) {
        KubernetesClient client = context.getClient();
        int pods =
                livePods(client, run, RunNames.WORKER) + livePods(client, run, RunNames.PUBLISHER);
        java.util.Map<String, String> annotations = run.getMetadata().getAnnotations();
        boolean keep =
                annotations != null
                        && "true".equals(annotations.get(DnsExtractionRun.KEEP_QUEUE_ANNOTATION));
        return new TeardownObservation(
                pods,
                QueueClaim.of(run, context.getPrimaryCache().list().toList()),
                keep,
                SecretValues.read(client, run));
    }

    /**
     * Pods of the run's component that have not ended; a pod being deleted still counts until it is
     * gone.
     */
    private static int livePods(KubernetesClient client, DnsExtractionRun run, String component) {
        List<Pod> pods =
                client.pods()
                        .inNamespace(run.getMetadata().getNamespace())
                        .withLabels(RunNames.selector(run, component))
                        .list()
                        .getItems();
        return (int)
                pods.stream()
                        .filter(
                                p ->
                                        p.getStatus() == null
                                                || !("Succeeded".equals(p.getStatus().getPhase())
                                                        || "Failed"
                                                                .equals(p.getStatus().getPhase())))
                        .count();
    }
}
