/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsExtractionRunStatusTest {

    /**
     * The operator writes the status only when it changed: a field left out of equals is never
     * written.
     */
    @Test
    void everyFieldTakesPartInEquals() throws Exception {
        for (Field f : DnsExtractionRunStatus.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            DnsExtractionRunStatus a = new DnsExtractionRunStatus();
            DnsExtractionRunStatus b = new DnsExtractionRunStatus();
            f.set(b, sample(f.getType()));

            assertThat(a).as("a status differing only in %s", f.getName()).isNotEqualTo(b);
        }
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == Long.class) {
            return 7L;
        }
        if (type == Integer.class) {
            return 7;
        }
        if (type == RunPhase.class) {
            return RunPhase.Resolving;
        }
        if (type == Map.class) {
            return Map.of("resolved", 1L);
        }
        if (type == List.class) {
            return List.of(new ConditionBuilder().withType("Complete").build());
        }
        if (type == WorkerCounts.class) {
            return new WorkerCounts(1, 1);
        }
        if (type == PublisherStatus.class) {
            return new PublisherStatus("job", 1);
        }
        throw new AssertionError("add a sample value for " + type);
    }
}
