/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.FileInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rules the model declares reach the generated CRD. The example runs are checked against this
 * CRD's schema, defaults and rules by the one-machine run's validator (local-run {@code
 * RunManifestTest}).
 */
class CrdRulesTest {
    static JSONSchemaProps schema() throws Exception {
        try (FileInputStream in =
                new FileInputStream(Path.of("..", "crds", CrdFileTest.FILE).toFile())) {
            CustomResourceDefinition crd =
                    Serialization.unmarshal(in, CustomResourceDefinition.class);
            return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
        }
    }

    @Test
    void selectionAndRecordTypesAreImmutableAndTheCrossFieldRulesAreInTheSchema() throws Exception {
        JSONSchemaProps spec = schema().getProperties().get("spec");

        assertThat(spec.getProperties().get("selection").getXKubernetesValidations())
                .anySatisfy(
                        r -> {
                            assertThat(r.getRule()).isEqualTo("self == oldSelf");
                            assertThat(r.getMessage())
                                    .contains("selection cannot change after the run starts");
                        })
                .anySatisfy(
                        r -> assertThat(r.getMessage()).contains("notExtractedSince is required"));
        assertThat(spec.getProperties().get("recordTypes").getXKubernetesValidations())
                .anySatisfy(r -> assertThat(r.getRule()).isEqualTo("self == oldSelf"));
        assertThat(spec.getProperties().get("workers").getXKubernetesValidations())
                .anySatisfy(
                        r ->
                                assertThat(r.getRule())
                                        .isEqualTo("self.minWorkers <= self.maxWorkers"));
        assertThat(spec.getRequired()).contains("postgresDsnSecret", "rabbitmqUrlSecret");
    }
}
