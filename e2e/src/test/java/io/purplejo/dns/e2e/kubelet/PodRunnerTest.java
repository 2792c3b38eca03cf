/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.e2e.KubeletCluster;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.testing.ControlPlane;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pod runner runs what the real Job and Deployment controllers make of the project's images.
 */
@ExtendWith(KubeletCluster.class)
class PodRunnerTest {
    final String ns = "pods-" + UUID.randomUUID().toString().substring(0, 8);
    KubernetesClient client;

    @BeforeEach
    void setUp() {
        Podman.requireImages("worker", "operator");
        client = ControlPlane.client();
        client.namespaces()
                .resource(
                        new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                .create();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static io.fabric8.kubernetes.api.model.SecurityContext restricted() {
        return new io.fabric8.kubernetes.api.model.SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(65532L)
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .build();
    }

    Job job(String name, List<String> args) {
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(2)
                .withNewPodFailurePolicy()
                .addNewRule()
                .withAction("FailJob")
                .withNewOnExitCodes()
                .withContainerName("main")
                .withOperator("In")
                .withValues(2)
                .endOnExitCodes()
                .endRule()
                .endPodFailurePolicy()
                .withNewTemplate()
                .withSpec(
                        new PodSpecBuilder()
                                .withRestartPolicy("Never")
                                .withAutomountServiceAccountToken(false)
                                .withContainers(
                                        new ContainerBuilder()
                                                .withName("main")
                                                .withImage(Podman.image("worker"))
                                                .withArgs(args)
                                                .withSecurityContext(restricted())
                                                .build())
                                .build())
                .endTemplate()
                .endSpec()
                .build();
    }

    @Test
    void aJobsPodRunsToCompletionAndAConfigurationErrorFailsItsJobAtOnce() {
        client.resource(job("ok", List.of("--help"))).create();
        client.resource(job("bad", List.of("--no-such-option"))).create();

        awaitJobCondition("ok", "Complete");
        awaitJobCondition("bad", "Failed");
        Job bad = client.batch().v1().jobs().inNamespace(ns).withName("bad").get();
        assertThat(bad.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("PodFailurePolicy"));
        assertThat(bad.getStatus().getFailed())
                .as("no retry of a configuration error")
                .isEqualTo(1);
        Pod failed =
                client.pods().inNamespace(ns).withLabel("job-name", "bad").list().getItems().get(0);
        assertThat(
                        failed.getStatus()
                                .getContainerStatuses()
                                .get(0)
                                .getState()
                                .getTerminated()
                                .getExitCode())
                .isEqualTo(2);
    }

    private void awaitJobCondition(String job, String type) {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () ->
                                assertThat(
                                                condition(
                                                        client.batch()
                                                                .v1()
                                                                .jobs()
                                                                .inNamespace(ns)
                                                                .withName(job)
                                                                .get(),
                                                        type))
                                        .as(() -> "job " + job + " " + type + "; pods: " + pods())
                                        .isTrue());
    }

    /** The namespace's pods as a person debugging a timeout wants them: phase and containers. */
    private String pods() {
        StringBuilder sb = new StringBuilder();
        for (Pod p : client.pods().inNamespace(ns).list().getItems()) {
            sb.append("\n  ")
                    .append(p.getMetadata().getName())
                    .append(' ')
                    .append(p.getStatus() == null ? "no status" : p.getStatus().getPhase())
                    .append(" on node ")
                    .append(p.getSpec().getNodeName());
            if (p.getStatus() != null && p.getStatus().getConditions() != null) {
                p.getStatus()
                        .getConditions()
                        .forEach(
                                c ->
                                        sb.append(' ')
                                                .append(c.getType())
                                                .append('=')
                                                .append(c.getStatus())
                                                .append(
                                                        c.getMessage() == null
                                                                ? ""
                                                                : " (" + c.getMessage() + ")"));
            }
            if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
                p.getStatus()
                        .getContainerStatuses()
                        .forEach(c -> sb.append(' ').append(c.getState()));
            }
        }
        return sb.toString();
    }

    @Test
    void workerReplicasEachGetANetworkOfTheirOwnReachTheHostsServicesAndDrainOnDeletion()
            throws Exception {
        client.resource(
                        new SecretBuilder()
                                .withNewMetadata()
                                .withName("creds")
                                .withNamespace(ns)
                                .endMetadata()
                                .addToStringData(
                                        "dsn",
                                        "postgresql://postgres@"
                                                + PodNetwork.HOST_IP
                                                + ":5432/postgres")
                                .addToStringData(
                                        "url",
                                        "amqp://dnsx-e2e:dnsx-e2e@" + PodNetwork.HOST_IP + ":5672/")
                                .build())
                .create();
        Deployment d =
                new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("workers")
                        .withNamespace(ns)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(2)
                        .withNewSelector()
                        .addToMatchLabels("app", "w")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "w")
                        .endMetadata()
                        .withSpec(
                                new PodSpecBuilder()
                                        .withAutomountServiceAccountToken(false)
                                        .withTerminationGracePeriodSeconds(40L)
                                        .addNewVolume()
                                        .withName("tmp")
                                        .withNewEmptyDir()
                                        .endEmptyDir()
                                        .endVolume()
                                        .withContainers(
                                                new ContainerBuilder()
                                                        .withName("worker")
                                                        .withImage(Podman.image("worker"))
                                                        .addNewEnv()
                                                        .withName("POSTGRES_DSN")
                                                        .withNewValueFrom()
                                                        .withNewSecretKeyRef("dsn", "creds", false)
                                                        .endValueFrom()
                                                        .endEnv()
                                                        .addNewEnv()
                                                        .withName("RABBITMQ_URL")
                                                        .withNewValueFrom()
                                                        .withNewSecretKeyRef("url", "creds", false)
                                                        .endValueFrom()
                                                        .endEnv()
                                                        .addNewEnv()
                                                        .withName("QUEUE_NAME")
                                                        .withValue("pods-" + ns)
                                                        .endEnv()
                                                        .addNewEnv()
                                                        .withName("WORKER_ID")
                                                        .withNewValueFrom()
                                                        .withNewFieldRef()
                                                        .withFieldPath("metadata.name")
                                                        .endFieldRef()
                                                        .endValueFrom()
                                                        .endEnv()
                                                        .addNewPort()
                                                        .withName("metrics")
                                                        .withContainerPort(9102)
                                                        .endPort()
                                                        .withNewReadinessProbe()
                                                        .withNewHttpGet()
                                                        .withPath("/readyz")
                                                        .withPort(new IntOrString("metrics"))
                                                        .endHttpGet()
                                                        .withPeriodSeconds(5)
                                                        .endReadinessProbe()
                                                        .addNewVolumeMount()
                                                        .withName("tmp")
                                                        .withMountPath("/tmp")
                                                        .endVolumeMount()
                                                        .withSecurityContext(restricted())
                                                        .build())
                                        .build())
                        .endTemplate()
                        .endSpec()
                        .build();
        client.resource(d).create();

        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> {
                            Deployment now =
                                    client.apps()
                                            .deployments()
                                            .inNamespace(ns)
                                            .withName("workers")
                                            .get();
                            return now.getStatus() != null
                                    && Integer.valueOf(2)
                                            .equals(now.getStatus().getReadyReplicas());
                        });
        List<Pod> running = client.pods().inNamespace(ns).withLabel("app", "w").list().getItems();
        assertThat(running)
                .hasSize(2)
                .extracting(p -> p.getStatus().getPodIP())
                .doesNotHaveDuplicates()
                .allMatch(ip -> ip.startsWith("10.213."));

        client.apps().deployments().inNamespace(ns).withName("workers").delete();

        await().atMost(Duration.ofSeconds(90))
                .until(
                        () ->
                                client.pods()
                                        .inNamespace(ns)
                                        .withLabel("app", "w")
                                        .list()
                                        .getItems()
                                        .isEmpty());
        try (Stream<java.nio.file.Path> logs = Files.list(KubeletCluster.runner().logs())) {
            List<java.nio.file.Path> mine =
                    logs.filter(p -> p.getFileName().toString().startsWith(ns + "_")).toList();
            assertThat(mine).hasSize(2);
            for (java.nio.file.Path log : mine) {
                assertThat(Files.readString(log))
                        .as("the worker drained on SIGTERM")
                        .containsIgnoringCase("stop");
            }
        }
    }

    @Test
    void aPodAuthenticatesAsItsServiceAccountAndRbacDecidesWhatItMayDo() {
        client.resource(
                        new ServiceAccountBuilder()
                                .withNewMetadata()
                                .withName("allowed")
                                .withNamespace(ns)
                                .endMetadata()
                                .build())
                .create();
        client.resource(
                        new ServiceAccountBuilder()
                                .withNewMetadata()
                                .withName("denied")
                                .withNamespace(ns)
                                .endMetadata()
                                .build())
                .create();
        client.resource(
                        new ClusterRoleBuilder()
                                .withNewMetadata()
                                .withName(ns + "-reader")
                                .endMetadata()
                                .addNewRule()
                                .withApiGroups("dns.purplejo.io")
                                .withResources("dnsextractionruns")
                                .withVerbs("get", "list", "watch")
                                .endRule()
                                .addNewRule()
                                .withApiGroups("batch")
                                .withResources("jobs")
                                .withVerbs("get", "list", "watch")
                                .endRule()
                                .addNewRule()
                                .withApiGroups("apps")
                                .withResources("deployments")
                                .withVerbs("get", "list", "watch")
                                .endRule()
                                .build())
                .create();
        client.resource(
                        new ClusterRoleBindingBuilder()
                                .withNewMetadata()
                                .withName(ns + "-reader")
                                .endMetadata()
                                .withNewRoleRef(
                                        "rbac.authorization.k8s.io", "ClusterRole", ns + "-reader")
                                .addNewSubject()
                                .withKind("ServiceAccount")
                                .withName("allowed")
                                .withNamespace(ns)
                                .endSubject()
                                .build())
                .create();
        for (String sa : List.of("allowed", "denied")) {
            client.resource(
                            new io.fabric8.kubernetes.api.model.PodBuilder()
                                    .withNewMetadata()
                                    .withName("op-" + sa)
                                    .withNamespace(ns)
                                    .endMetadata()
                                    .withSpec(
                                            new PodSpecBuilder()
                                                    .withServiceAccountName(sa)
                                                    .addNewVolume()
                                                    .withName("tmp")
                                                    .withNewEmptyDir()
                                                    .endEmptyDir()
                                                    .endVolume()
                                                    .withContainers(
                                                            new ContainerBuilder()
                                                                    .withName("operator")
                                                                    .withImage(
                                                                            Podman.image(
                                                                                    "operator"))
                                                                    .addNewEnv()
                                                                    .withName("WATCH_NAMESPACES")
                                                                    .withValue(ns)
                                                                    .endEnv()
                                                                    .addNewPort()
                                                                    .withName("http")
                                                                    .withContainerPort(8080)
                                                                    .endPort()
                                                                    .withNewReadinessProbe()
                                                                    .withNewHttpGet()
                                                                    .withPath("/readyz")
                                                                    .withPort(
                                                                            new IntOrString("http"))
                                                                    .endHttpGet()
                                                                    .withPeriodSeconds(5)
                                                                    .endReadinessProbe()
                                                                    .addNewVolumeMount()
                                                                    .withName("tmp")
                                                                    .withMountPath("/tmp")
                                                                    .endVolumeMount()
                                                                    .withSecurityContext(
                                                                            restricted())
                                                                    .build())
                                                    .build())
                                    .build())
                    .create();
        }

        await().atMost(Duration.ofMinutes(2))
                .until(() -> ready(client.pods().inNamespace(ns).withName("op-allowed").get()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(log("op-denied"))
                                        .contains("forbidden")
                                        .contains("system:serviceaccount:" + ns + ":denied"));
        assertThat(ready(client.pods().inNamespace(ns).withName("op-denied").get())).isFalse();
        for (String sa : List.of("allowed", "denied")) {
            client.pods().inNamespace(ns).withName("op-" + sa).delete();
        }
        await().atMost(Duration.ofSeconds(90))
                .until(() -> client.pods().inNamespace(ns).list().getItems().isEmpty());
    }

    private String log(String pod) throws java.io.IOException {
        try (Stream<java.nio.file.Path> logs = Files.list(KubeletCluster.runner().logs())) {
            StringBuilder sb = new StringBuilder();
            for (java.nio.file.Path p :
                    logs.filter(p -> p.getFileName().toString().startsWith(ns + "_" + pod + "_"))
                            .toList()) {
                sb.append(Files.readString(p));
            }
            return sb.toString();
        }
    }

    private static boolean ready(Pod p) {
        return p != null
                && p.getStatus() != null
                && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean condition(Job j, String type) {
        return j != null
                && j.getStatus() != null
                && j.getStatus().getConditions() != null
                && j.getStatus().getConditions().stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
