/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.testing.ControlPlane;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's scenarios on the real kube-apiserver (schema, CEL, defaults, status subresource,
 * generation, garbage collector), the CRD installed by {@code kubectl apply --server-side}. Jobs
 * and Deployments are played as on the mock server: there is no kubelet.
 */
@ExtendWith(ControlPlane.class)
class DnsExtractionRunReconcilerOnApiServerTest extends ReconcilerScenarios {
    private KubernetesClient real;

    @Override
    KubernetesClient kubernetes() {
        real = ControlPlane.client();
        return real;
    }

    @Override
    void installCrd() {
        // installed once for the run by ControlPlane, with the real kubectl
    }

    @Override
    boolean validatesSchema() {
        return true;
    }

    @AfterEach
    void closeClient() {
        real.close();
    }

    /** What a GitOps controller does: server-side apply under its own field manager. */
    private void gitopsApply(String yaml) {
        ControlPlane.Result r =
                ControlPlane.kubectl(
                        yaml,
                        "apply",
                        "--server-side",
                        "--field-manager=argocd-controller",
                        "-n",
                        NS,
                        "-f",
                        "-");
        assertThat(r.code()).as(r.output()).isZero();
    }

    /** What a GitOps tool shows as drift: nothing, after the operator's own writes. */
    private void assertNoDrift(String yaml) {
        ControlPlane.Result r =
                ControlPlane.kubectl(
                        yaml,
                        "diff",
                        "--server-side",
                        "--field-manager=argocd-controller",
                        "-n",
                        NS,
                        "-f",
                        "-");
        assertThat(r.code()).as("kubectl diff: %s", r.output()).isZero();
        assertThat(r.output()).isBlank();
    }

    @Test
    void aGitOpsReApplyDuringAndAfterTheRunStartsNothingAndShowsNoDrift() {
        String yaml =
                """
                apiVersion: dns.purplejo.io/v1alpha1
                kind: DnsExtractionRun
                metadata:
                  name: gitops
                  labels: {app.kubernetes.io/managed-by: argocd}
                spec:
                  selection: {mode: All}
                  resolvers: {servers: ["%s"], timeoutSeconds: 0.5}
                  workers: {maxWorkers: 4, messagesPerWorker: 1, scaleDownStabilizationSeconds: 0}
                  postgresDsnSecret: {name: extraction-db, key: dsn}
                  rabbitmqUrlSecret: {name: extraction-mq, key: url}
                  queueName: %s
                  ttlSecondsAfterFinished: 1
                """
                        .formatted(dns.spec(), broker.derivedQueue("gitops"));
        gitopsApply(yaml);
        await().atMost(Duration.ofSeconds(20)).until(() -> job("gitops") != null);
        DnsExtractionRun started = get("gitops");
        String jobUid = job("gitops").getMetadata().getUid();

        for (int i = 0; i < 3; i++) {
            gitopsApply(yaml);
            assertNoDrift(yaml);
        }
        DnsExtractionRun during = get("gitops");
        assertThat(during.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(during.getStatus().publisher.attempts).isEqualTo(1);
        assertThat(job("gitops").getMetadata().getUid()).isEqualTo(jobUid);

        assertThat(play.runJob(jobName("gitops"))).isZero();
        playUntilSucceeded("gitops");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("gitops").getStatus().childrenRemovedTime != null);

        for (int i = 0; i < 2; i++) {
            gitopsApply(yaml);
            assertNoDrift(yaml);
        }
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .untilAsserted(
                        () -> {
                            DnsExtractionRun r = get("gitops");
                            assertThat(r.getMetadata().getUid())
                                    .isEqualTo(started.getMetadata().getUid());
                            assertThat(r.getStatus().phase).isEqualTo(RunPhase.Succeeded);
                            assertThat(r.getStatus().publisher.attempts).isEqualTo(1);
                            assertThat(job("gitops")).isNull();
                            assertThat(deployment("gitops")).isNull();
                        });
    }
}
