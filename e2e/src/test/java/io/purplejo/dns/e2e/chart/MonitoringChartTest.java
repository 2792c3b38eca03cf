/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.e2e.Podman;
import io.purplejo.dns.operator.resources.PublisherJobBuilder;
import io.purplejo.dns.operator.resources.WorkerDeploymentBuilder;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.workload.RunNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's monitoring as the Prometheus Operator and Grafana meet it: promtool checks the
 * rendered alerting rules and runs their unit tests ({@code e2e/monitoring/alerts.test.yaml}); the
 * ServiceMonitor selects the chart's Service and keeps the runs' namespaces, the PodMonitor the
 * worker pods the operator creates; the dashboard is a Grafana dashboard whose queries parse.
 * Whether the metrics they use exist is checked against real pods by {@code UserJourneyTest}.
 */
class MonitoringChartTest {
    static final Path WORK = Path.of("target", "monitoring").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void helm() {
        HelmChartTest.findHelm();
    }

    /** The rendered rule of each alert, by alert name. */
    static Map<String, JsonNode> alerts(JsonNode prometheusRule) {
        Map<String, JsonNode> out = new HashMap<>();
        prometheusRule.at("/spec/groups/0/rules").forEach(r -> out.put(r.get("alert").asText(), r));
        return out;
    }

    /** An annotation of a rule as Prometheus expands it for an alert with these labels. */
    static String expand(String template, JsonNode labels) {
        String out = template;
        for (var e : labels.properties()) {
            out = out.replace("{{ $labels." + e.getKey() + " }}", e.getValue().asText());
        }
        return out;
    }

    @Test
    void everyAlertFiresOnItsConditionWithTheRunsNamespaceAndNameAndIsSilentOtherwise()
            throws Exception {
        JsonNode rule =
                HelmChartTest.render("metrics.prometheusRule.enabled=true")
                        .get("PrometheusRule/dnsx-dns-extraction-operator");
        Map<String, JsonNode> alerts = alerts(rule);
        Files.createDirectories(WORK);
        Files.writeString(
                WORK.resolve("rules.yaml"),
                HelmChartTest.YAML.writeValueAsString(rule.get("spec")));

        ObjectNode tests =
                (ObjectNode)
                        HelmChartTest.YAML.readTree(
                                HelmChartTest.REPO
                                        .resolve("e2e/monitoring/alerts.test.yaml")
                                        .toFile());
        Set<String> fires = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (JsonNode test : tests.get("tests")) {
            for (JsonNode check : test.get("alert_rule_test")) {
                String name = check.get("alertname").asText();
                assertThat(alerts).as("a test of an alert the chart has").containsKey(name);
                if (check.get("exp_alerts").isEmpty()) {
                    silent.add(name);
                }
                for (JsonNode expected : check.get("exp_alerts")) {
                    fires.add(name);
                    ObjectNode annotations = ((ObjectNode) expected).putObject("exp_annotations");
                    alerts.get(name)
                            .get("annotations")
                            .properties()
                            .forEach(
                                    a ->
                                            annotations.put(
                                                    a.getKey(),
                                                    expand(
                                                            a.getValue().asText(),
                                                            expected.get("exp_labels"))));
                }
            }
        }
        assertThat(fires).as("every alert is seen firing").isEqualTo(alerts.keySet());
        assertThat(silent).as("every alert is seen silent").isEqualTo(alerts.keySet());
        Files.writeString(
                WORK.resolve("alerts.test.yaml"), HelmChartTest.YAML.writeValueAsString(tests));

        Podman.Result check = Promtool.run("check", "rules", WORK.resolve("rules.yaml").toString());
        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alerts.size() + " rules found");
        Podman.Result test =
                Promtool.run("test", "rules", WORK.resolve("alerts.test.yaml").toString());
        assertThat(test.code()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theServiceMonitorScrapesTheChartsServiceAndKeepsTheRunsNamespace() throws Exception {
        Map<String, JsonNode> objects = HelmChartTest.render("metrics.serviceMonitor.enabled=true");
        JsonNode monitor = objects.get("ServiceMonitor/dnsx-dns-extraction-operator");
        JsonNode service = objects.get("Service/dnsx-dns-extraction-operator-metrics");
        JsonNode pod = HelmChartTest.deployment(objects).at("/spec/template/metadata/labels");

        assertThat(labels(service.at("/metadata/labels")))
                .containsAllEntriesOf(labels(monitor.at("/spec/selector/matchLabels")));
        assertThat(labels(pod))
                .as("the Service reaches the operator pod")
                .containsAllEntriesOf(labels(service.at("/spec/selector")));
        assertThat(monitor.at("/spec/namespaceSelector/matchNames/0").asText()).isEqualTo("dnsx");
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertThat(endpoint.get("port").asText())
                .isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(endpoint.get("honorLabels").asBoolean())
                .as("the runs' namespace label is not renamed exported_namespace")
                .isTrue();
        JsonNode rule =
                HelmChartTest.render("metrics.prometheusRule.enabled=true")
                        .get("PrometheusRule/dnsx-dns-extraction-operator");
        assertThat(alerts(rule).get("DnsExtractionOperatorDown").get("expr").asText())
                .as("the job label the Prometheus Operator gives: the Service's name")
                .contains("job=\"" + service.at("/metadata/name").asText() + "\"");
    }

    static DnsExtractionRun run() {
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder()
                        .withName("nightly")
                        .withNamespace("team-a")
                        .withUid("6a1d9c2e-0000-4000-8000-000000000001")
                        .build());
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.postgresDsnSecret = new SecretKeyRef("db", "dsn");
        spec.rabbitmqUrlSecret = new SecretKeyRef("mq", "url");
        run.setSpec(spec);
        return run;
    }

    @Test
    void thePodMonitorScrapesTheWorkerPodsTheOperatorCreatesAndLabelsThemWithTheRun()
            throws Exception {
        OperatorSettings settings =
                OperatorSettings.from(OperatorSettings.declare().parse(List.of(), Map.of()));
        Deployment workers = WorkerDeploymentBuilder.build(run(), settings, 1);
        Job publisher = PublisherJobBuilder.build(run(), settings, 1);
        Map<String, String> workerPod = workers.getSpec().getTemplate().getMetadata().getLabels();

        JsonNode watched =
                HelmChartTest.render("metrics.podMonitor.enabled=true", "watchNamespaces={team-a}")
                        .get("PodMonitor/dnsx-dns-extraction-operator-workers");
        @SuppressWarnings("unchecked")
        Map<String, String> selector =
                JSON.convertValue(watched.at("/spec/selector/matchLabels"), Map.class);
        assertThat(workerPod).containsAllEntriesOf(selector);
        assertThat(publisher.getSpec().getTemplate().getMetadata().getLabels())
                .as("the publisher, a short Job, is measured by the operator's gauges")
                .doesNotContainEntry(
                        RunNames.COMPONENT_LABEL, selector.get(RunNames.COMPONENT_LABEL));
        assertThat(watched.at("/spec/namespaceSelector/matchNames").toString())
                .isEqualTo("[\"team-a\"]");
        JsonNode endpoint = watched.at("/spec/podMetricsEndpoints/0");
        assertThat(workers.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .anySatisfy(p -> assertThat(p.getName()).isEqualTo(endpoint.get("port").asText()));
        JsonNode relabel = endpoint.at("/relabelings/0");
        String podLabel =
                relabel.at("/sourceLabels/0")
                        .asText()
                        .substring("__meta_kubernetes_pod_label_".length());
        assertThat(workerPod.keySet())
                .as("the relabelling reads the run's label (Prometheus writes . and / as _)")
                .anySatisfy(
                        k -> assertThat(k.replaceAll("[^a-zA-Z0-9_]", "_")).isEqualTo(podLabel));
        assertThat(workerPod).containsEntry(RunNames.RUN_LABEL, "nightly");
        assertThat(relabel.get("targetLabel").asText()).isEqualTo("run");

        JsonNode everywhere =
                HelmChartTest.render("metrics.podMonitor.enabled=true")
                        .get("PodMonitor/dnsx-dns-extraction-operator-workers");
        assertThat(everywhere.at("/spec/namespaceSelector/any").asBoolean())
                .as("every namespace when the operator watches all")
                .isTrue();
    }

    @Test
    void theDashboardIsAGrafanaDashboardForTheSidecarWhoseQueriesParse() throws Exception {
        JsonNode map =
                HelmChartTest.render(
                                "metrics.dashboard.enabled=true",
                                "metrics.dashboard.annotations.grafana_folder=DNS")
                        .get("ConfigMap/dnsx/dnsx-dns-extraction-operator-dashboard");
        assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(map.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("DNS");
        JsonNode dashboard = JSON.readTree(map.at("/data/dns-extraction.json").asText());

        assertThat(dashboard.get("uid").asText()).isEqualTo("dns-extraction");
        assertThat(dashboard.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        List<String> variables = new ArrayList<>();
        dashboard.at("/templating/list").forEach(v -> variables.add(v.get("name").asText()));
        assertThat(variables).containsExactly("datasource", "namespace", "run");

        Set<Integer> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
            JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("x").asInt() + grid.get("w").asInt()).isLessThanOrEqualTo(24);
            if ("row".equals(panel.get("type").asText())) {
                continue;
            }
            titles.add(panel.get("title").asText());
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                String expr =
                        target.get("expr")
                                .asText()
                                .replace("$__rate_interval", "5m")
                                .replace("$namespace", ".*")
                                .replace("$run", ".*");
                rules.append("      - record: dashboard:query_")
                        .append(++n)
                        .append("\n        expr: ")
                        .append(JSON.writeValueAsString(expr))
                        .append('\n');
            }
        }
        assertThat(titles)
                .contains(
                        "Runs by phase",
                        "Progress per run",
                        "Time left per run",
                        "Resolve rate",
                        "Outcome mix",
                        "Resolver loss",
                        "Resolver timeouts",
                        "Queue depth",
                        "Workers desired and ready",
                        "Database write latency",
                        "Dead letters");
        Files.createDirectories(WORK);
        Path queries = WORK.resolve("dashboard-queries.yaml");
        Files.writeString(queries, rules.toString());
        Podman.Result check = Promtool.run("check", "rules", queries.toString());
        assertThat(check.code()).as("every query parses: %s", check.output()).isZero();
    }

    @Test
    void perRunJosdkMetricsAreOffUnlessAskedFor() throws Exception {
        assertThat(HelmChartTest.env(HelmChartTest.deployment(HelmChartTest.render())))
                .containsEntry("PER_RESOURCE_METRICS", "false");
        assertThat(
                        HelmChartTest.env(
                                HelmChartTest.deployment(
                                        HelmChartTest.render("metrics.perResource=true"))))
                .containsEntry("PER_RESOURCE_METRICS", "true");
    }

    /** A label map of the rendered chart. */
    private static Map<String, String> labels(JsonNode node) {
        return JSON.convertValue(
                node, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    }
}
