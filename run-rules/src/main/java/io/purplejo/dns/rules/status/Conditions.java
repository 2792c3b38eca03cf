/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets conditions the Kubernetes way: one per type, with the generation it describes, and a {@code
 * lastTransitionTime} that moves only when the status flips.
 */
public final class Conditions {
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    private Conditions() {}

    /**
     * Returns the list with the condition of this type set; other conditions are kept as they are.
     */
    public static List<Condition> set(
            List<Condition> current,
            String type,
            boolean status,
            String reason,
            String message,
            long generation,
            Instant now) {
        List<Condition> out = new ArrayList<>();
        String statusText = status ? "True" : "False";
        boolean found = false;
        for (Condition c : current == null ? List.<Condition>of() : current) {
            if (!type.equals(c.getType())) {
                out.add(c);
                continue;
            }
            found = true;
            String since =
                    statusText.equals(c.getStatus()) && c.getLastTransitionTime() != null
                            ? c.getLastTransitionTime()
                            : now.toString();
            out.add(build(type, statusText, reason, message, generation, since));
        }
        if (!found) {
            out.add(build(type, statusText, reason, message, generation, now.toString()));
        }
        return out;
    }

    private static Condition build(
            String type,
            String status,
            String reason,
            String message,
            long generation,
            String since) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message == null ? "" : message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(since)
                .build();
    }

    /**
     * The same conditions, each saying that it describes {@code generation}; nothing else changes.
     */
    public static List<Condition> observe(List<Condition> current, long generation) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : current == null ? List.<Condition>of() : current) {
            out.add(
                    build(
                            c.getType(),
                            c.getStatus(),
                            c.getReason(),
                            c.getMessage(),
                            generation,
                            c.getLastTransitionTime()));
        }
        return out;
    }

    /** The list without the condition of this type. */
    public static List<Condition> remove(List<Condition> current, String type) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : current == null ? List.<Condition>of() : current) {
            if (!type.equals(c.getType())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the list has a condition of this type. */
    public static boolean has(List<Condition> conditions, String type) {
        return conditions != null && conditions.stream().anyMatch(c -> type.equals(c.getType()));
    }

    /** The reason of the condition of this type, or null. */
    public static String reason(List<Condition> conditions, String type) {
        return conditions == null
                ? null
                : conditions.stream()
                        .filter(c -> type.equals(c.getType()))
                        .map(Condition::getReason)
                        .findFirst()
                        .orElse(null);
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null
                && conditions.stream()
                        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
