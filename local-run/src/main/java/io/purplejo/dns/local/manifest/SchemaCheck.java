/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a resource against a CRD's structural schema as the API server does before its CEL rules
 * (types, required fields, enums, bounds, patterns, sizes, set semantics), then fills in the
 * schema's defaults. Unlike the API server it refuses fields the schema does not know instead of
 * pruning them silently: on one machine a typo in a run file must be heard, not dropped.
 */
public final class SchemaCheck {
    private SchemaCheck() {}

    /** The problems of {@code value}, each as "path: what is wrong"; empty when it is valid. */
    public static List<String> validate(JSONSchemaProps schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors;
    }

    /**
     * Sets every absent field that has a schema default, in objects that are present (as the API
     * server).
     */
    public static void applyDefaults(JSONSchemaProps schema, JsonNode value) {
        if (value instanceof ObjectNode object && schema.getProperties() != null) {
            for (Map.Entry<String, JSONSchemaProps> p : schema.getProperties().entrySet()) {
                JsonNode current = object.get(p.getKey());
                if ((current == null || current.isNull()) && p.getValue().getDefault() != null) {
                    object.set(p.getKey(), p.getValue().getDefault().deepCopy());
                }
                if (object.get(p.getKey()) != null) {
                    applyDefaults(p.getValue(), object.get(p.getKey()));
                }
            }
        } else if (value instanceof ArrayNode array
                && schema.getItems() != null
                && schema.getItems().getSchema() != null) {
            for (JsonNode item : array) {
                applyDefaults(schema.getItems().getSchema(), item);
            }
        }
    }

    private static void check(JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        if (Boolean.TRUE.equals(s.getXKubernetesIntOrString())) {
            if (!v.isTextual() && !v.isIntegralNumber()) {
                errors.add(at(path) + ": expected an integer or a string, got " + describe(v));
            }
            return;
        }
        if (Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields())) {
            return;
        }
        if (v.isNull()) {
            if (!Boolean.TRUE.equals(s.getNullable())) {
                errors.add(at(path) + ": must not be null");
            }
            return;
        }
        String type = s.getType();
        if (type != null) {
            boolean ok =
                    switch (type) {
                        case "object" -> v.isObject();
                        case "array" -> v.isArray();
                        case "string" -> v.isTextual();
                        case "integer" -> v.isIntegralNumber();
                        case "number" -> v.isNumber();
                        case "boolean" -> v.isBoolean();
                        default -> true;
                    };
            if (!ok) {
                errors.add(at(path) + ": expected " + article(type) + ", got " + describe(v));
                return;
            }
        }
        if (s.getEnum() != null
                && !s.getEnum().isEmpty()
                && s.getEnum().stream().noneMatch(e -> e.asText().equals(v.asText()))) {
            errors.add(
                    at(path)
                            + ": '"
                            + v.asText()
                            + "' is not one of "
                            + s.getEnum().stream().map(JsonNode::asText).toList());
        }
        if (v.isNumber()) {
            checkNumber(s, v, path, errors);
        }
        if (v.isTextual()) {
            checkText(s, v.asText(), path, errors);
        }
        if (v.isArray()) {
            checkArray(s, v, path, errors);
        }
        if (v.isObject()) {
            checkObject(s, v, path, errors);
        }
    }

    private static void checkNumber(
            JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        BigDecimal n = v.decimalValue();
        if (s.getMinimum() != null && n.compareTo(BigDecimal.valueOf(s.getMinimum())) < 0) {
            errors.add(
                    at(path)
                            + ": "
                            + v.asText()
                            + " is less than the minimum "
                            + plain(s.getMinimum()));
        }
        if (s.getMaximum() != null && n.compareTo(BigDecimal.valueOf(s.getMaximum())) > 0) {
            errors.add(
                    at(path)
                            + ": "
                            + v.asText()
                            + " is more than the maximum "
                            + plain(s.getMaximum()));
        }
    }

    private static void checkText(
            JSONSchemaProps s, String text, String path, List<String> errors) {
        if (s.getPattern() != null && !Pattern.compile(s.getPattern()).matcher(text).find()) {
            errors.add(at(path) + ": '" + text + "' does not match " + s.getPattern());
        }
        if (s.getMaxLength() != null && text.codePointCount(0, text.length()) > s.getMaxLength()) {
            errors.add(at(path) + ": longer than " + s.getMaxLength() + " characters");
        }
        if (s.getMinLength() != null && text.codePointCount(0, text.length()) < s.getMinLength()) {
            errors.add(at(path) + ": shorter than " + s.getMinLength() + " characters");
        }
    }

    private static void checkArray(
            JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        if (s.getMinItems() != null && v.size() < s.getMinItems()) {
            errors.add(at(path) + ": fewer than " + s.getMinItems() + " items");
        }
        if (s.getMaxItems() != null && v.size() > s.getMaxItems()) {
            errors.add(at(path) + ": more than " + s.getMaxItems() + " items");
        }
        if ("set".equals(s.getXKubernetesListType())) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : v) {
                if (!seen.add(item)) {
                    errors.add(at(path) + ": duplicate value " + item);
                }
            }
        }
        if (s.getItems() != null && s.getItems().getSchema() != null) {
            for (int i = 0; i < v.size(); i++) {
                check(s.getItems().getSchema(), v.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static void checkObject(
            JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        Map<String, JSONSchemaProps> props = s.getProperties();
        if (s.getRequired() != null) {
            for (String r : s.getRequired()) {
                if (!v.has(r)) {
                    errors.add(at(path + "." + r) + ": required");
                }
            }
        }
        if (props != null && !props.isEmpty()) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                JSONSchemaProps p = props.get(f.getKey());
                if (p == null) {
                    errors.add(
                            at(path + "." + f.getKey())
                                    + ": unknown field (is it spelled as in the CRD?)");
                } else {
                    check(p, f.getValue(), path + "." + f.getKey(), errors);
                }
            }
        } else if (s.getAdditionalProperties() != null
                && s.getAdditionalProperties().getSchema() != null) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                check(
                        s.getAdditionalProperties().getSchema(),
                        f.getValue(),
                        path + "." + f.getKey(),
                        errors);
            }
        }
    }

    private static String at(String path) {
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(root)" : path;
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ")
                + type;
    }

    private static String describe(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(v);
    }

    private static String abbreviate(JsonNode v) {
        String text = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String plain(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
