/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.publisher.PublisherMain;
import io.purplejo.dns.worker.service.WorkerService;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the Job and Deployment controllers the mock API server does not run: a Job "runs" the real
 * publisher with the Job's own environment (Secret references resolved), and a Deployment with
 * replicas runs a real worker the same way, so that the counts the operator reads come from real
 * rows and queues.
 */
final class ClusterPlay implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private WorkerService worker;

    ClusterPlay(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The container environment with Secret references resolved, as the kubelet would pass it. */
    Map<String, String> env(List<EnvVar> vars) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar v : vars) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            } else if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                var ref = v.getValueFrom().getSecretKeyRef();
                Secret s = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
                String data = s.getData() == null ? null : s.getData().get(ref.getKey());
                env.put(
                        v.getName(),
                        data != null
                                ? new String(
                                        Base64.getDecoder().decode(data), StandardCharsets.UTF_8)
                                : s.getStringData().get(ref.getKey()));
            } else if (v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null) {
                env.put(v.getName(), "pod-of-" + namespace);
            }
        }
        return env;
    }

    /**
     * Runs the Job's publisher to the end and writes the Job's status as the Job controller would.
     */
    int runJob(String name) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        Map<String, String> env =
                env(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                PublisherMain.run(
                        List.of(),
                        env,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        finishJob(name, code == 0);
        return code;
    }

    void finishJob(String name, boolean succeeded) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        // as the Job controller writes it, which the real API server checks: a start time, then the
        // "criteria met" or "failure target" condition before the terminal one
        String now =
                java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString();
        job.setStatus(
                succeeded
                        ? new JobStatusBuilder()
                                .withStartTime(now)
                                .withCompletionTime(now)
                                .withSucceeded(1)
                                .withActive(0)
                                .withReady(0)
                                .addNewCondition()
                                .withType("SuccessCriteriaMet")
                                .withStatus("True")
                                .withReason("CompletionsReached")
                                .withLastTransitionTime(now)
                                .endCondition()
                                .addNewCondition()
                                .withType("Complete")
                                .withStatus("True")
                                .withReason("CompletionsReached")
                                .withLastTransitionTime(now)
                                .endCondition()
                                .build()
                        : new JobStatusBuilder()
                                .withStartTime(now)
                                .withFailed(4)
                                .withActive(0)
                                .withReady(0)
                                .addNewCondition()
                                .withType("FailureTarget")
                                .withStatus("True")
                                .withReason("BackoffLimitExceeded")
                                .withLastTransitionTime(now)
                                .endCondition()
                                .addNewCondition()
                                .withType("Failed")
                                .withStatus("True")
                                .withReason("BackoffLimitExceeded")
                                .withLastTransitionTime(now)
                                .endCondition()
                                .build());
        client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
    }

    /** Runs one real worker while the Deployment asks for any, and reports its replicas ready. */
    void syncDeployment(String name) {
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (d == null) {
            return;
        }
        int replicas = d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
        if (replicas > 0 && worker == null) {
            Map<String, String> env =
                    env(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
            env.put("METRICS_PORT", "0");
            env.put("BATCH_DELAY_MS", "20");
            worker =
                    new WorkerService(
                            WorkerSettings.from(
                                    WorkerSettings.declare().parse(List.of(), env), env));
            worker.start();
            WorkerService w = worker;
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    w.runUntilStopped();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            t.setDaemon(true);
            t.start();
        } else if (replicas == 0 && worker != null) {
            stopWorker();
        }
        int ready = replicas;
        if (d.getStatus() == null
                || d.getStatus().getReadyReplicas() == null
                || d.getStatus().getReadyReplicas() != ready) {
            d.setStatus(
                    new DeploymentStatusBuilder()
                            .withReplicas(replicas)
                            .withReadyReplicas(ready)
                            .build());
            client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
        }
    }

    private void stopWorker() {
        worker.requestStop("scaled to zero");
        try {
            worker.awaitStopped(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public void close() {
        if (worker != null) {
            stopWorker();
        }
    }
}
