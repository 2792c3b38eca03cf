/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrdFileTest {
    static final String FILE = "dnsextractionruns.dns.purplejo.io-v1.yml";
    static final String SCHEDULE_FILE = "dnsextractionschedules.dns.purplejo.io-v1.yml";
    static final Path COMMITTED = Path.of("..", "crds", FILE);
    static final Path CHART = Path.of("..", "charts", "dns-extraction-operator", "crds", FILE);
    static final Path SCHEDULE_COMMITTED = Path.of("..", "crds", SCHEDULE_FILE);

    static Path chart(String file) {
        return Path.of("..", "charts", "dns-extraction-operator", "crds", file);
    }

    static CustomResourceDefinition read(Path p) throws Exception {
        return Serialization.unmarshal(Files.readString(p), CustomResourceDefinition.class);
    }

    /**
     * The CRD the model and CrdFinish make; crds/regenerate.sh writes it (-Ddnsx.crd.write=true).
     */
    static CustomResourceDefinition expected(String file) throws Exception {
        Path generated = Path.of("target", "crds", file);
        assertThat(generated)
                .as("the build generates the CRD (crd-generator-maven-plugin)")
                .exists();
        CustomResourceDefinition crd =
                file.equals(FILE)
                        ? CrdFinish.apply(read(generated))
                        : CrdFinish.applySchedule(read(generated));
        if (Boolean.getBoolean("dnsx.crd.write")) {
            String yaml =
                    "# Generated from api/ (crd-generator, then CrdFinish): run crds/regenerate.sh, do not edit.\n"
                            + Serialization.asYaml(crd);
            Files.writeString(Path.of("..", "crds", file), yaml);
            Files.writeString(chart(file), yaml);
        }
        return crd;
    }

    @ParameterizedTest
    @ValueSource(strings = {FILE, SCHEDULE_FILE})
    void theCommittedCrdIsTheOneTheModelGenerates(String file) throws Exception {
        CustomResourceDefinition expected = expected(file);
        assertThat(read(Path.of("..", "crds", file)))
                .as(
                        "crds/%s differs from the CRD generated from api/; run crds/regenerate.sh and commit it",
                        file)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {FILE, SCHEDULE_FILE})
    void theHelmChartShipsTheSameCrd(String file) throws Exception {
        assertThat(Files.readString(chart(file)))
                .as("the chart's CRD differs from crds/%s; crds/regenerate.sh writes both", file)
                .isEqualTo(Files.readString(Path.of("..", "crds", file)));
    }

    @Test
    void kubectlGetShowsTheColumnsInTheirDeclaredOrderWithTheWideOnesLastAndRecordTypesAreASet()
            throws Exception {
        var version = read(COMMITTED).getSpec().getVersions().get(0);

        assertThat(version.getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .containsExactly(
                        "Phase",
                        "Published",
                        "Extracted",
                        "Failed-Domains",
                        "Workers",
                        "Rate",
                        "Age",
                        "Total",
                        "Queue",
                        "Desired",
                        "ETA",
                        "Message");
        assertThat(read(COMMITTED).getSpec().getNames().getCategories())
                .as("not dns, which is OpenShift's category")
                .containsExactly("dnsextraction");
        assertThat(
                        version.getSchema()
                                .getOpenAPIV3Schema()
                                .getProperties()
                                .get("spec")
                                .getProperties()
                                .get("recordTypes")
                                .getXKubernetesListType())
                .isEqualTo("set");
        assertThat(version.getSchema().getOpenAPIV3Schema().getRequired()).contains("spec");
    }

    @ParameterizedTest
    @ValueSource(strings = {FILE, SCHEDULE_FILE})
    void kubectlExplainDescribesEveryFieldOfSpecAndStatus(String file) throws Exception {
        JSONSchemaProps root =
                read(Path.of("..", "crds", file))
                        .getSpec()
                        .getVersions()
                        .get(0)
                        .getSchema()
                        .getOpenAPIV3Schema();
        List<String> undescribed = new java.util.ArrayList<>();
        undescribed(root.getProperties().get("spec"), "spec", undescribed);
        undescribed(root.getProperties().get("status"), "status", undescribed);

        assertThat(undescribed).as("fields kubectl explain shows without a description").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {FILE, SCHEDULE_FILE})
    void conditionsAreAListKeyedByType(String file) throws Exception {
        JSONSchemaProps conditions =
                read(Path.of("..", "crds", file))
                        .getSpec()
                        .getVersions()
                        .get(0)
                        .getSchema()
                        .getOpenAPIV3Schema()
                        .getProperties()
                        .get("status")
                        .getProperties()
                        .get("conditions");

        assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
        assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
        assertThat(conditions.getItems().getSchema().getRequired()).contains("type");
    }

    /**
     * Fields of Kubernetes' own types: described as a whole here, and field by field by {@code
     * kubectl explain pod.spec...}.
     */
    private static final List<String> KUBERNETES_TYPES =
            List.of(
                    "spec.workerResources",
                    "spec.publisherResources",
                    "spec.pods.affinity",
                    "spec.pods.tolerations",
                    "spec.pods.imagePullSecrets");

    private static boolean kubernetesType(String path) {
        return KUBERNETES_TYPES.stream().anyMatch(t -> path.equals(t) || path.endsWith("." + t));
    }

    private static void undescribed(JSONSchemaProps p, String path, List<String> out) {
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            out.add(path);
        }
        if (kubernetesType(path)) {
            return;
        }
        if (p.getProperties() != null) {
            p.getProperties().forEach((name, child) -> undescribed(child, path + "." + name, out));
        }
        if (p.getItems() != null && p.getItems().getSchema() != null) {
            JSONSchemaProps item = p.getItems().getSchema();
            if (item.getProperties() != null) {
                item.getProperties()
                        .forEach((name, child) -> undescribed(child, path + "[]." + name, out));
            }
        }
        if (p.getAdditionalProperties() != null
                && p.getAdditionalProperties().getSchema() != null
                && p.getAdditionalProperties().getSchema().getProperties() != null) {
            p.getAdditionalProperties()
                    .getSchema()
                    .getProperties()
                    .forEach((name, child) -> undescribed(child, path + "{}." + name, out));
        }
    }

    @Test
    void aScheduleTemplateMayChangeThoughEachRunItStartsIsFixed() throws Exception {
        String schedule = Files.readString(SCHEDULE_COMMITTED);

        assertThat(schedule).as("no transition rule in the run template").doesNotContain("oldSelf");
        assertThat(read(SCHEDULE_COMMITTED).getSpec().getNames().getCategories())
                .containsExactly("dnsextraction");
        assertThat(Files.readString(COMMITTED)).as("the run itself keeps them").contains("oldSelf");
    }
}
