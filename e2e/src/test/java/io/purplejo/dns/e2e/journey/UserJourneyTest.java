/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.journey;

import static io.purplejo.dns.e2e.journey.Journey.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.purplejo.dns.e2e.KubeletCluster;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.e2e.chart.MonitoredMetrics;
import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.testing.ControlPlane;
import io.purplejo.dns.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user's journey on the real control plane with the real helm and kubectl: the chart installs
 * the operator, which runs as a pod under its ServiceAccount and the chart's RBAC; Secrets made
 * with {@code kubectl create secret}; a run applied with {@code kubectl apply}, watched with {@code
 * kubectl get}, awaited with {@code kubectl wait}, and deleted with {@code kubectl delete}. The
 * publisher Job and the worker Deployment run as pods of the images, against PostgreSQL, RabbitMQ
 * and a DNS server with known answers on the host (the set-up the journey tests share: {@link
 * Journey}).
 */
@ExtendWith(KubeletCluster.class)
class UserJourneyTest {
    static final int DOMAINS = 1500;

    @Test
    void helmInstallKubectlApplyGetWaitAndDelete() throws Exception {
        Podman.requireImages("worker", "publisher", "operator");
        try (Journey journey = new Journey(DOMAINS).install();
                TestBroker broker = TestBroker.create()) {
            String runNs = journey.runNs;
            journey.apply(journey.run("journey", 100, 3));

            List<String> watched = new ArrayList<>();
            Set<String> phases = new TreeSet<>();
            int[] mostWorkers = {0};
            String[] workerMetrics = {""};
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> {
                                watched.add(
                                        ControlPlane.kubectl(
                                                        null,
                                                        "get",
                                                        "dnsextractionruns",
                                                        "-n",
                                                        runNs)
                                                .output());
                                JsonNode status = journey.get("journey").path("status");
                                phases.add(status.path("phase").asText());
                                mostWorkers[0] =
                                        Math.max(
                                                mostWorkers[0],
                                                status.path("workers").path("ready").asInt());
                                if (workerMetrics[0].isEmpty()
                                        && status.path("extracted").asLong() > 0
                                        && "Resolving".equals(status.path("phase").asText())) {
                                    workerMetrics[0] =
                                            Journey.scrape(
                                                    runNs,
                                                    "app.kubernetes.io/component=worker",
                                                    HealthServer.WORKER_PORT);
                                }
                                return "Succeeded".equals(status.path("phase").asText());
                            });
            ok(
                    ControlPlane.kubectl(
                            null,
                            "wait",
                            "dnsrun/journey",
                            "-n",
                            runNs,
                            "--for=condition=Complete",
                            "--timeout=60s"));
            Files.writeString(
                    Path.of("target", "journey-kubectl-get.txt"), String.join("\n", watched));

            JsonNode run = journey.get("journey");
            assertThat(phases).contains("Resolving", "Succeeded");
            assertMonitoringMeetsWhatThePodsExport(
                    workerMetrics[0],
                    Journey.scrape(
                            journey.release,
                            "app.kubernetes.io/name=dns-extraction-operator",
                            HealthServer.OPERATOR_PORT),
                    runNs);
            assertThat(String.join("\n", watched))
                    .contains("EXTRACTED")
                    .contains("Publishing")
                    .contains("Resolving");
            assertThat(mostWorkers[0])
                    .as("the operator scaled the workers up")
                    .isGreaterThanOrEqualTo(2);
            assertThat(run.at("/status/workers/desired").asInt())
                    .as("scaled to zero at the end")
                    .isZero();
            journey.assertExactlyOnce("journey");
            String queue = run.at("/status/queue").asText();
            assertThat(broker.ready(queue))
                    .as("the run's queue exists until the run is deleted")
                    .isZero();

            ok(
                    ControlPlane.kubectl(
                            null,
                            "delete",
                            "dnsrun",
                            "journey",
                            "-n",
                            runNs,
                            "--wait=true",
                            "--timeout=120s"));
            assertThat(broker.ready(queue)).as("the finalizer removed the queue").isEqualTo(-1);
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    ControlPlane.kubectl(
                                                    null,
                                                    "get",
                                                    "jobs,deployments,pods",
                                                    "-n",
                                                    runNs,
                                                    "-o",
                                                    "name")
                                            .output()
                                            .isBlank());

            String operatorLog = journey.operatorLog();
            assertThat(operatorLog).as("the operator ran").contains("PhaseSucceeded");
            assertThat(operatorLog)
                    .as("no call the chart's RBAC refused")
                    .doesNotContain("code=403")
                    .doesNotContain("is forbidden");
            ok(ControlPlane.helm("uninstall", journey.release, "-n", journey.release, "--wait"));
        }
    }

    /**
     * Every metric the chart's alerts and dashboard query is one the operator or a worker pod
     * exports; every dnsx_ metric they export is documented in docs/operator.md and the other way
     * round; the run's series carry its own namespace and name.
     */
    private static void assertMonitoringMeetsWhatThePodsExport(
            String worker, String operator, String runNs) {
        assertThat(worker).as("a worker pod's /metrics while resolving").isNotEmpty();
        assertThat(operator).as("the operator pod's /metrics").isNotEmpty();
        Set<String> samples = new TreeSet<>(MonitoredMetrics.scraped(worker));
        samples.addAll(MonitoredMetrics.scraped(operator));
        samples.add("up"); // Prometheus's own, per target

        assertThat(MonitoredMetrics.usedByTheChart())
                .as("the alerts and the dashboard query metrics that exist")
                .allSatisfy(
                        used ->
                                assertThat(samples)
                                        .anySatisfy(
                                                s ->
                                                        assertThat(
                                                                        MonitoredMetrics.belongsTo(
                                                                                s, used))
                                                                .isTrue()));
        Set<String> documented = MonitoredMetrics.documented();
        assertThat(documented)
                .as("every documented metric is exported")
                .allSatisfy(
                        d ->
                                assertThat(samples)
                                        .anySatisfy(
                                                s ->
                                                        assertThat(MonitoredMetrics.belongsTo(s, d))
                                                                .isTrue()));
        assertThat(samples.stream().filter(s -> s.startsWith("dnsx_")))
                .as("every exported dnsx_ metric is documented")
                .allSatisfy(
                        s ->
                                assertThat(documented)
                                        .anySatisfy(
                                                d ->
                                                        assertThat(MonitoredMetrics.belongsTo(s, d))
                                                                .isTrue()));
        assertThat(operator)
                .as("the run's series carry its namespace and name")
                .contains(
                        "dnsx_run_phase{namespace=\""
                                + runNs
                                + "\",phase=\"Resolving\",run=\"journey\"}");
    }
}
