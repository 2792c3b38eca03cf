/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.progress;

import io.purplejo.dns.outcome.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A run's counters as the database holds them: what was selected, published and ended with each
 * outcome.
 */
public record RunProgress(
        long runId, String state, Long total, long published, Map<Outcome, Long> outcomes) {

    public RunProgress {
        EnumMap<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        copy.putAll(outcomes);
        outcomes = Collections.unmodifiableMap(copy);
    }

    /**
     * Domains extracted: they ended with a definite answer (records, no data or NXDOMAIN). Not to
     * be confused with the outcome {@code resolved}, records found.
     */
    public long extracted() {
        return outcomes.entrySet().stream()
                .filter(e -> !e.getKey().failed())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Domains that ended with a failure: SERVFAIL, REFUSED, timeout or an invalid name. */
    public long failed() {
        return outcomes.entrySet().stream()
                .filter(e -> e.getKey().failed())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Domains with any recorded outcome. */
    public long done() {
        return extracted() + failed();
    }

    /**
     * Whether the publisher finished: every selected domain is in a confirmed message and {@code
     * published} is final.
     */
    public boolean publishingFinished() {
        return "published".equals(state);
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /**
     * The outcomes that occurred, by their stored name, in the order of {@link Outcome}: a status's
     * view.
     */
    public Map<String, Long> countsByName() {
        Map<String, Long> byName = new java.util.LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            if (count(o) > 0) {
                byName.put(o.dbName(), count(o));
            }
        }
        return byName;
    }
}
