/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} on a new resource as the API server does on
 * create: every rule of every node present in the (defaulted) value, with {@code self} bound to
 * that node; transition rules (those that read {@code oldSelf}) only apply to updates and are
 * skipped.
 */
public final class CelRules {
    private static final CelCompiler COMPILER =
            CelCompilerFactory.standardCelCompilerBuilder()
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addVar("self", SimpleType.DYN)
                    .addVar("oldSelf", SimpleType.DYN)
                    .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.legacyCelRuntimeBuilder().build();

    private CelRules() {}

    /** The messages of the rules {@code value} breaks, each prefixed with the path of its node. */
    public static List<String> violations(JSONSchemaProps schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        walk(schema, value, "", errors);
        return errors;
    }

    private static void walk(JSONSchemaProps s, JsonNode v, String path, List<String> errors) {
        if (v == null || v.isNull()) {
            return;
        }
        if (s.getXKubernetesValidations() != null) {
            for (ValidationRule rule : s.getXKubernetesValidations()) {
                check(rule, v, path, errors);
            }
        }
        if (v.isObject() && s.getProperties() != null) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                JSONSchemaProps p = s.getProperties().get(f.getKey());
                if (p != null) {
                    walk(p, f.getValue(), path + "." + f.getKey(), errors);
                }
            }
        } else if (v.isArray() && s.getItems() != null && s.getItems().getSchema() != null) {
            for (int i = 0; i < v.size(); i++) {
                walk(s.getItems().getSchema(), v.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static void check(ValidationRule rule, JsonNode v, String path, List<String> errors) {
        String where = path.startsWith(".") ? path.substring(1) : path;
        CelAbstractSyntaxTree ast;
        try {
            ast = COMPILER.compile(rule.getRule()).getAst();
        } catch (CelValidationException e) {
            errors.add(
                    where
                            + ": the CRD's rule '"
                            + rule.getRule()
                            + "' does not compile: "
                            + e.getMessage());
            return;
        }
        if (readsOldSelf(ast)) {
            return;
        }
        try {
            Object result = RUNTIME.createProgram(ast).eval(Map.of("self", celValue(v)));
            if (!Boolean.TRUE.equals(result)) {
                errors.add(
                        where
                                + ": "
                                + (rule.getMessage() != null
                                        ? rule.getMessage()
                                        : "failed rule: " + rule.getRule()));
            }
        } catch (CelEvaluationException e) {
            errors.add(
                    where
                            + ": rule '"
                            + rule.getRule()
                            + "' could not be evaluated: "
                            + e.getMessage());
        }
    }

    private static boolean readsOldSelf(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast)
                .getRoot()
                .allNodes()
                .map(n -> n.expr())
                .anyMatch(
                        e ->
                                e.getKind() == CelExpr.ExprKind.Kind.IDENT
                                        && e.ident().name().equals("oldSelf"));
    }

    /** JSON as CEL sees it: maps, lists, int64, double, string, bool. */
    static Object celValue(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.properties().forEach(f -> map.put(f.getKey(), celValue(f.getValue())));
            return map;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(item -> list.add(celValue(item)));
            return list;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.asText();
    }
}
