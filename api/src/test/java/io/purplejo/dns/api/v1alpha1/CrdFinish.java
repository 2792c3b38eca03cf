/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the CRD generator cannot say, applied to its output: printer columns in the order {@link
 * DnsExtractionRun} declares them (the generator sorts them by JSON path), the {@code -o wide} ones
 * last; {@code recordTypes} as a set. The CRD in crds/ and in the chart is this function of the
 * generated one ({@link CrdFileTest}).
 */
final class CrdFinish {
    private CrdFinish() {}

    static CustomResourceDefinition apply(CustomResourceDefinition generated) {
        List<String> declared =
                Arrays.stream(
                                DnsExtractionRun.class.getAnnotationsByType(
                                        AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name)
                        .toList();
        for (CustomResourceDefinitionVersion v : generated.getSpec().getVersions()) {
            List<CustomResourceColumnDefinition> columns =
                    new ArrayList<>(v.getAdditionalPrinterColumns());
            columns.sort(
                    Comparator.comparing(
                                    (CustomResourceColumnDefinition c) ->
                                            c.getPriority() == null ? 0 : c.getPriority())
                            .thenComparing(c -> declared.indexOf(c.getName())));
            v.setAdditionalPrinterColumns(columns);
            JSONSchemaProps spec = v.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
            spec.getProperties().get("recordTypes").setXKubernetesListType("set");
        }
        return generated;
    }
}
