package io.purplejo.dns.api.v1alpha1;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a resource against a CRD's structural schema as the API server would before its CEL rules:
 * types, required fields, enums, minimum and maximum, patterns, sizes, and fields the schema does not
 * know (which the API server would silently prune: a typo users must hear about).
 */
final class SchemaValidator {
    private SchemaValidator() {
    }

    static List<String> validate(JSONSchemaProps schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors;
    }

    private static void check(JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        if (Boolean.TRUE.equals(s.getXKubernetesIntOrString()) || Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields())) {
            return;
        }
        String type = s.getType();
        if (type != null) {
            boolean ok = switch (type) {
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                case "string" -> v.isTextual();
                case "integer" -> v.isIntegralNumber();
                case "number" -> v.isNumber();
                case "boolean" -> v.isBoolean();
                default -> true;
            };
            if (!ok) {
                errors.add(path + ": expected " + type + ", got " + v.getNodeType());
                return;
            }
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            boolean found = s.getEnum().stream().anyMatch(e -> e.asText().equals(v.asText()));
            if (!found) {
                errors.add(path + ": '" + v.asText() + "' is not one of " + s.getEnum());
            }
        }
        if (v.isNumber()) {
            BigDecimal n = v.decimalValue();
            if (s.getMinimum() != null && n.compareTo(BigDecimal.valueOf(s.getMinimum())) < 0) {
                errors.add(path + ": " + n + " is less than " + s.getMinimum());
            }
            if (s.getMaximum() != null && n.compareTo(BigDecimal.valueOf(s.getMaximum())) > 0) {
                errors.add(path + ": " + n + " is more than " + s.getMaximum());
            }
        }
        if (v.isTextual() && s.getPattern() != null && !v.asText().matches(s.getPattern())) {
            errors.add(path + ": '" + v.asText() + "' does not match " + s.getPattern());
        }
        if (v.isArray()) {
            if (s.getMinItems() != null && v.size() < s.getMinItems()) {
                errors.add(path + ": fewer than " + s.getMinItems() + " items");
            }
            if (s.getMaxItems() != null && v.size() > s.getMaxItems()) {
                errors.add(path + ": more than " + s.getMaxItems() + " items");
            }
            if (s.getItems() != null && s.getItems().getSchema() != null) {
                for (int i = 0; i < v.size(); i++) {
                    check(s.getItems().getSchema(), v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            Map<String, JSONSchemaProps> props = s.getProperties();
            if (s.getRequired() != null) {
                for (String r : s.getRequired()) {
                    if (!v.has(r)) {
                        errors.add(path + "." + r + ": required");
                    }
                }
            }
            if (props != null && !props.isEmpty()) {
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JSONSchemaProps p = props.get(f.getKey());
                    if (p == null) {
                        errors.add(path + "." + f.getKey() + ": unknown field");
                    } else {
                        check(p, f.getValue(), path + "." + f.getKey(), errors);
                    }
                }
            } else if (s.getAdditionalProperties() != null && s.getAdditionalProperties().getSchema() != null) {
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    check(s.getAdditionalProperties().getSchema(), f.getValue(), path + "." + f.getKey(), errors);
                }
            }
        }
    }
}
