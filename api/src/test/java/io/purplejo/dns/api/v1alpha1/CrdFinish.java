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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CRD generator cannot say, applied to its output: printer columns in the order the kind
 * declares them (the generator sorts them by JSON path), the {@code -o wide} ones last; {@code
 * recordTypes} as a set; {@code status.conditions} as a list keyed by {@code type} (server-side
 * apply and GitOps diffs merge it per condition), with its fields described for {@code kubectl
 * explain}; and a schedule's run template without the run's transition rules (a template may
 * change; each run it starts is fixed). The CRDs in crds/ and in the chart are this function of the
 * generated ones ({@link CrdFileTest}).
 */
final class CrdFinish {
    /** What each field of a condition means (the model's Condition class carries no text). */
    private static final Map<String, String> CONDITION_FIELDS = new LinkedHashMap<>();

    static {
        CONDITION_FIELDS.put(
                "type",
                "Complete, Failed, Progressing, Degraded, and the kstatus conditions Reconciling,"
                        + " Stalled and Ready.");
        CONDITION_FIELDS.put("status", "True, False or Unknown.");
        CONDITION_FIELDS.put("reason", "Why, in one CamelCase word.");
        CONDITION_FIELDS.put("message", "Why, for a person.");
        CONDITION_FIELDS.put(
                "lastTransitionTime", "When the status of this condition last changed.");
        CONDITION_FIELDS.put("observedGeneration", "The spec generation this condition describes.");
    }

    private CrdFinish() {}

    /** The run's CRD. */
    static CustomResourceDefinition apply(CustomResourceDefinition generated) {
        for (CustomResourceDefinitionVersion v : generated.getSpec().getVersions()) {
            orderColumns(v, DnsExtractionRun.class);
            JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
            runSpec(root.getProperties().get("spec"));
            describe(
                    root,
                    "What to extract: which domains, which record types, with which resolvers and"
                            + " workers, and where the database and queue are.",
                    "How the run is going, as the operator observed it: phase, counters, workers,"
                            + " rate and conditions.");
            keyedConditions(root);
        }
        return generated;
    }

    /** The schedule's CRD. */
    static CustomResourceDefinition applySchedule(CustomResourceDefinition generated) {
        for (CustomResourceDefinitionVersion v : generated.getSpec().getVersions()) {
            orderColumns(v, DnsExtractionSchedule.class);
            JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
            JSONSchemaProps template =
                    root.getProperties().get("spec").getProperties().get("runTemplate");
            JSONSchemaProps runSpec = template.getProperties().get("spec");
            runSpec(runSpec);
            withoutTransitionRules(runSpec);
            describe(
                    root,
                    "When to start runs, how runs of this schedule may overlap, and what each run"
                            + " is.",
                    "The schedule's runs and times, as the operator observed them.");
            keyedConditions(root);
        }
        return generated;
    }

    private static void orderColumns(CustomResourceDefinitionVersion v, Class<?> kind) {
        List<String> declared =
                Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name)
                        .toList();
        List<CustomResourceColumnDefinition> columns =
                new ArrayList<>(v.getAdditionalPrinterColumns());
        columns.sort(
                Comparator.comparing(
                                (CustomResourceColumnDefinition c) ->
                                        c.getPriority() == null ? 0 : c.getPriority())
                        .thenComparing(c -> declared.indexOf(c.getName())));
        v.setAdditionalPrinterColumns(columns);
    }

    private static void runSpec(JSONSchemaProps spec) {
        spec.getProperties().get("recordTypes").setXKubernetesListType("set");
    }

    private static void describe(JSONSchemaProps root, String spec, String status) {
        root.getProperties().get("spec").setDescription(spec);
        root.getProperties().get("status").setDescription(status);
    }

    private static void keyedConditions(JSONSchemaProps root) {
        JSONSchemaProps conditions =
                root.getProperties().get("status").getProperties().get("conditions");
        conditions.setXKubernetesListType("map");
        conditions.setXKubernetesListMapKeys(List.of("type"));
        JSONSchemaProps condition = conditions.getItems().getSchema();
        condition.setRequired(List.of("type", "status"));
        CONDITION_FIELDS.forEach(
                (field, text) -> condition.getProperties().get(field).setDescription(text));
    }

    /** Drops the rules that compare with {@code oldSelf}, at every level. */
    private static void withoutTransitionRules(JSONSchemaProps p) {
        if (p.getXKubernetesValidations() != null) {
            p.setXKubernetesValidations(
                    p.getXKubernetesValidations().stream()
                            .filter(r -> !r.getRule().contains("oldSelf"))
                            .toList());
        }
        if (p.getProperties() != null) {
            p.getProperties().values().forEach(CrdFinish::withoutTransitionRules);
        }
        if (p.getItems() != null && p.getItems().getSchema() != null) {
            withoutTransitionRules(p.getItems().getSchema());
        }
    }
}
