/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.operator.settings.OperatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart as the real helm (built from source by e2e/cluster/build.sh) lints and renders it:
 * strict lint, renders under several value sets, the RBAC rules the operator needs and no more,
 * restricted security contexts, one operator at a time, and values the schema refuses.
 */
class HelmChartTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String CHART = REPO.resolve("charts/dns-extraction-operator").toString();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static String helm;

    @BeforeAll
    static void findHelm() {
        Podman.Result build =
                Podman.exec(
                        List.of("bash", REPO.resolve("e2e/cluster/build.sh").toString()),
                        Duration.ofMinutes(60));
        boolean ok = build.code() == 0;
        if (!ok && "1".equals(System.getenv("DNSX_REQUIRE_E2E"))) {
            throw new AssertionError("helm is required (DNSX_REQUIRE_E2E=1): " + build.output());
        }
        assumeTrue(ok, "helm from e2e/cluster/build.sh");
        helm =
                Path.of(build.output().strip().lines().reduce((a, b) -> b).orElseThrow())
                        .resolve("helm")
                        .toString();
    }

    static Podman.Result helm(String... args) {
        List<String> cmd = new ArrayList<>(List.of(helm));
        cmd.addAll(List.of(args));
        return Podman.exec(cmd, Duration.ofMinutes(2));
    }

    /** Renders the chart with these --set values; the objects by "Kind/name". */
    static Map<String, JsonNode> render(String... sets) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("template", "dnsx", CHART, "--namespace", "dnsx"));
        for (String s : sets) {
            args.addAll(List.of("--set", s));
        }
        Podman.Result r = helm(args.toArray(String[]::new));
        assertThat(r.code()).as(r.output()).isZero();
        Map<String, JsonNode> objects = new TreeMap<>();
        for (String doc : r.output().split("(?m)^---\\s*$")) {
            JsonNode n = YAML.readTree(doc);
            if (n != null && n.has("kind")) {
                String ns = n.path("metadata").path("namespace").asText("");
                objects.put(
                        n.get("kind").asText()
                                + "/"
                                + (ns.isEmpty() ? "" : ns + "/")
                                + n.get("metadata").get("name").asText(),
                        n);
            }
        }
        return objects;
    }

    static JsonNode deployment(Map<String, JsonNode> objects) {
        return objects.get("Deployment/dnsx-dns-extraction-operator");
    }

    static Map<String, String> env(JsonNode deployment) {
        Map<String, String> env = new TreeMap<>();
        deployment
                .at("/spec/template/spec/containers/0/env")
                .forEach(e -> env.put(e.get("name").asText(), e.path("value").asText()));
        return env;
    }

    @Test
    void theChartPassesStrictLint() {
        Podman.Result r = helm("lint", "--strict", CHART);

        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).contains("0 chart(s) failed");
    }

    @Test
    void neverTwoOperatorsAtOnceAndTheyRunRestrictedWithImagesOfTheChartsVersion()
            throws Exception {
        JsonNode d = deployment(render());

        assertThat(d.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(env(d))
                .containsEntry("LEADER_ELECTION", "true")
                .containsEntry("WORKER_IMAGE", "ghcr.io/purplejo/dns-worker:0.1.0")
                .containsEntry("PUBLISHER_IMAGE", "ghcr.io/purplejo/dns-publisher:0.1.0");
        assertThat(d.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("ghcr.io/purplejo/dns-operator:0.1.0");
        JsonNode pod = d.at("/spec/template/spec/securityContext");
        assertThat(pod.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        JsonNode c = d.at("/spec/template/spec/containers/0/securityContext");
        assertThat(c.get("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.get("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(c.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(d.at("/spec/template/spec/containers/0/resources/limits/memory").asText())
                .isEqualTo("512Mi");
    }

    @Test
    void rbacGrantsExactlyTheOperatorsCalls() throws Exception {
        Map<String, JsonNode> objects = render();
        JsonNode role = objects.get("ClusterRole/dnsx-dns-extraction-operator");

        Map<String, String> rules = new TreeMap<>();
        role.get("rules")
                .forEach(
                        r ->
                                r.get("resources")
                                        .forEach(
                                                res ->
                                                        rules.put(
                                                                r.get("apiGroups").get(0).asText()
                                                                        + "/"
                                                                        + res.asText(),
                                                                r.get("verbs").toString())));
        assertThat(rules)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.ofEntries(
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionruns",
                                        "[\"get\",\"list\",\"watch\",\"create\",\"patch\",\"delete\"]"),
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionruns/status",
                                        "[\"update\",\"patch\"]"),
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionruns/finalizers",
                                        "[\"update\"]"),
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionschedules",
                                        "[\"get\",\"list\",\"watch\",\"patch\"]"),
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionschedules/status",
                                        "[\"update\",\"patch\"]"),
                                Map.entry(
                                        "dns.purplejo.io/dnsextractionschedules/finalizers",
                                        "[\"update\"]"),
                                Map.entry(
                                        "batch/jobs",
                                        "[\"get\",\"list\",\"watch\",\"create\",\"patch\",\"delete\"]"),
                                Map.entry(
                                        "apps/deployments",
                                        "[\"get\",\"list\",\"watch\",\"create\",\"patch\",\"delete\"]"),
                                Map.entry("/pods", "[\"list\"]"),
                                Map.entry("/secrets", "[\"get\"]"),
                                Map.entry("/events", "[\"get\",\"create\",\"patch\"]")));
        JsonNode leases = objects.get("Role/dnsx/dnsx-dns-extraction-operator-leases");
        assertThat(leases.at("/rules/0/resources/0").asText()).isEqualTo("leases");
        assertThat(leases.at("/rules/0/verbs").toString())
                .isEqualTo("[\"get\",\"create\",\"update\",\"patch\"]");
    }

    @Test
    void watchedNamespacesGetRolesAndNoClusterWideAccess() throws Exception {
        Map<String, JsonNode> objects = render("watchNamespaces={team-a,team-b}");

        assertThat(objects)
                .containsKeys(
                        "Role/team-a/dnsx-dns-extraction-operator",
                        "Role/team-b/dnsx-dns-extraction-operator",
                        "RoleBinding/team-a/dnsx-dns-extraction-operator")
                .doesNotContainKey("ClusterRole/dnsx-dns-extraction-operator");
        assertThat(env(deployment(objects))).containsEntry("WATCH_NAMESPACES", "team-a,team-b");
    }

    @Test
    void aMetricsPortOfZeroTurnsOffTheProbesAndTheServiceInsteadOfBreakingThem() throws Exception {
        Map<String, JsonNode> objects = render("metrics.port=0");
        JsonNode c = deployment(objects).at("/spec/template/spec/containers/0");

        assertThat(c.has("readinessProbe")).isFalse();
        assertThat(c.has("livenessProbe")).isFalse();
        assertThat(c.has("ports")).isFalse();
        assertThat(objects.keySet()).noneMatch(k -> k.startsWith("Service/"));
    }

    @Test
    void theValuesProductionUsersExpectReachThePod() throws Exception {
        Map<String, JsonNode> objects =
                render(
                        "imagePullSecrets[0].name=regcred",
                        "podAnnotations.a=b",
                        "podLabels.team=dns",
                        "serviceAccount.create=false",
                        "serviceAccount.name=existing",
                        "priorityClassName=ops",
                        "nodeSelector.pool=ops",
                        "tolerations[0].key=dedicated",
                        "tolerations[0].operator=Exists",
                        "runImages.worker.repository=registry.example.com/dns-worker",
                        "runImages.worker.tag=9.9.9",
                        "image.tag=9.9.9");
        JsonNode spec = deployment(objects).at("/spec/template");

        assertThat(spec.at("/spec/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
        assertThat(spec.at("/metadata/annotations/a").asText()).isEqualTo("b");
        assertThat(spec.at("/metadata/labels/team").asText()).isEqualTo("dns");
        assertThat(spec.at("/spec/serviceAccountName").asText()).isEqualTo("existing");
        assertThat(objects.keySet()).noneMatch(k -> k.startsWith("ServiceAccount/"));
        assertThat(spec.at("/spec/priorityClassName").asText()).isEqualTo("ops");
        assertThat(spec.at("/spec/nodeSelector/pool").asText()).isEqualTo("ops");
        assertThat(spec.at("/spec/tolerations/0/key").asText()).isEqualTo("dedicated");
        assertThat(env(deployment(objects)))
                .containsEntry("WORKER_IMAGE", "registry.example.com/dns-worker:9.9.9");
        assertThat(spec.at("/spec/containers/0/image").asText()).endsWith(":9.9.9");
    }

    @Test
    void theOperatorDeclaresEveryVariableTheChartSetsAndAcceptsItsValues() throws Exception {
        Map<String, String> env = env(deployment(render()));
        CommandLineOptions declared = OperatorSettings.declare();
        Set<String> variables =
                declared.options().stream().map(Option::envVar).collect(Collectors.toSet());

        assertThat(variables).containsAll(env.keySet());
        OperatorSettings settings = OperatorSettings.from(declared.parse(List.of(), env));
        assertThat(settings.leaderElection()).isTrue();
        assertThat(settings.leaseNamespace()).isEqualTo("dnsx");
    }

    @Test
    void monitoringAndNetworkPolicyAreThereWhenAskedForOnly() throws Exception {
        assertThat(render().keySet())
                .noneMatch(
                        k ->
                                k.startsWith("ServiceMonitor/")
                                        || k.startsWith("PodMonitor/")
                                        || k.startsWith("PrometheusRule/")
                                        || k.startsWith("ConfigMap/")
                                        || k.startsWith("NetworkPolicy/"));

        Map<String, JsonNode> on =
                render(
                        "metrics.serviceMonitor.enabled=true",
                        "metrics.podMonitor.enabled=true",
                        "metrics.prometheusRule.enabled=true",
                        "metrics.dashboard.enabled=true",
                        "networkPolicy.enabled=true");
        assertThat(on)
                .containsKeys(
                        "ServiceMonitor/dnsx-dns-extraction-operator",
                        "PodMonitor/dnsx-dns-extraction-operator-workers",
                        "PrometheusRule/dnsx-dns-extraction-operator",
                        "ConfigMap/dnsx/dnsx-dns-extraction-operator-dashboard",
                        "NetworkPolicy/dnsx-dns-extraction-operator");
        List<String> alerts = new ArrayList<>();
        on.get("PrometheusRule/dnsx-dns-extraction-operator")
                .at("/spec/groups/0/rules")
                .forEach(r -> alerts.add(r.get("alert").asText()));
        assertThat(alerts)
                .containsExactly(
                        "DnsExtractionOperatorDown",
                        "DnsExtractionReconcileErrors",
                        "DnsExtractionRunFailed",
                        "DnsExtractionRunDegraded",
                        "DnsExtractionRunStalled",
                        "DnsExtractionQueueWithoutConsumers",
                        "DnsExtractionDeadLettersGrowing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            watchNamespaces=x          | /watchNamespaces
            replicaCount=0             | /replicaCount
            image.pullPolicy=Sometimes | /image/pullPolicy
            metrics.port=70000         | /metrics/port
            foo=bar                    | additional properties 'foo' not allowed
            watchNamespaces={Bad_Ns}   | /watchNamespaces/0
            """)
    void invalidValuesAreRefusedWithTheirPath(String set, String message) {
        Podman.Result r = helm("template", "dnsx", CHART, "--set", set);

        assertThat(r.code()).isNotZero();
        assertThat(r.output())
                .contains("values don't meet the specifications of the schema")
                .contains(message);
    }
}
