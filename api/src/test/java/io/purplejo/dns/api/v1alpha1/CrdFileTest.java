/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrdFileTest {
    static final String FILE = "dnsextractionruns.dns.purplejo.io-v1.yml";
    static final Path COMMITTED = Path.of("..", "crds", FILE);
    static final Path CHART = Path.of("..", "charts", "dns-extraction-operator", "crds", FILE);

    static CustomResourceDefinition read(Path p) throws Exception {
        return Serialization.unmarshal(Files.readString(p), CustomResourceDefinition.class);
    }

    /**
     * The CRD the model and CrdFinish make; crds/regenerate.sh writes it (-Ddnsx.crd.write=true).
     */
    static CustomResourceDefinition expected() throws Exception {
        Path generated = Path.of("target", "crds", FILE);
        assertThat(generated)
                .as("the build generates the CRD (crd-generator-maven-plugin)")
                .exists();
        CustomResourceDefinition crd = CrdFinish.apply(read(generated));
        if (Boolean.getBoolean("dnsx.crd.write")) {
            String yaml =
                    "# Generated from api/ (crd-generator, then CrdFinish): run crds/regenerate.sh, do not edit.\n"
                            + Serialization.asYaml(crd);
            Files.writeString(COMMITTED, yaml);
            Files.writeString(CHART, yaml);
        }
        return crd;
    }

    @Test
    void theCommittedCrdIsTheOneTheModelGenerates() throws Exception {
        assertThat(read(COMMITTED))
                .as(
                        "crds/%s differs from the CRD generated from api/; run crds/regenerate.sh and commit it",
                        FILE)
                .isEqualTo(expected());
    }

    @Test
    void theHelmChartShipsTheSameCrd() throws Exception {
        assertThat(Files.readString(CHART))
                .as("the chart's CRD differs from crds/%s; crds/regenerate.sh writes both", FILE)
                .isEqualTo(Files.readString(COMMITTED));
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
                        "Resolved",
                        "Failed",
                        "Workers",
                        "Rate",
                        "Age",
                        "Total",
                        "Queue",
                        "Desired",
                        "ETA",
                        "Message");
        assertThat(read(COMMITTED).getSpec().getNames().getCategories()).containsExactly("dns");
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
}
