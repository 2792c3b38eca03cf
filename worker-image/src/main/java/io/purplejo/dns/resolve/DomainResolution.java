/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.outcome.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything found for one domain: the answer of each record type and the domain's combined
 * outcome.
 *
 * @param input the name as it arrived
 * @param name the normalised name, null when invalid
 * @param invalidReason why the name is invalid, else null
 * @param answers per dnsjava type code, in the order the types were asked
 * @param outcome see {@link #combine}
 */
public record DomainResolution(
        String input,
        DomainName name,
        String invalidReason,
        Map<Integer, TypeAnswer> answers,
        Outcome outcome) {

    public DomainResolution {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public static DomainResolution invalid(String input, String reason) {
        return new DomainResolution(input, null, reason, Map.of(), Outcome.INVALID);
    }

    /**
     * Which failure a domain reports when several of its types failed: the first of these that
     * occurred.
     */
    private static final List<Outcome> FAILURE_PRECEDENCE =
            List.of(
                    Outcome.TIMEOUT,
                    Outcome.MALFORMED,
                    Outcome.SERVFAIL,
                    Outcome.REFUSED,
                    Outcome.TRUNCATED,
                    Outcome.CHAIN_TOO_LONG);

    /**
     * A domain's outcome from its types' outcomes: a failure if any type failed (so that a partly
     * answered domain is retried, never taken for complete; the first of {@link
     * #FAILURE_PRECEDENCE}), else resolved if any type had records, NXDOMAIN if every type said so,
     * else no data.
     */
    public static Outcome combine(Iterable<TypeAnswer> answers) {
        boolean any = false;
        boolean records = false;
        boolean allNx = true;
        java.util.EnumSet<Outcome> failures = java.util.EnumSet.noneOf(Outcome.class);
        for (TypeAnswer a : answers) {
            any = true;
            if (a.outcome().failed()) {
                failures.add(a.outcome());
            } else if (a.outcome() == Outcome.RESOLVED) {
                records = true;
            }
            if (a.outcome() != Outcome.NXDOMAIN) {
                allNx = false;
            }
        }
        for (Outcome f : FAILURE_PRECEDENCE) {
            if (failures.contains(f)) {
                return f;
            }
        }
        if (records) {
            return Outcome.RESOLVED;
        }
        return any && allNx ? Outcome.NXDOMAIN : Outcome.NO_DATA;
    }

    /** CNAME targets of the domain itself, from every type's answer, without repeats. */
    public List<String> cnameTargets() {
        List<String> out = new ArrayList<>();
        for (TypeAnswer a : answers.values()) {
            for (String t : a.cnameTargets()) {
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** "A=resolved AAAA=no_data ...", the per-type summary kept with the outcome. */
    public String typeOutcomes() {
        StringBuilder sb = new StringBuilder();
        for (TypeAnswer a : answers.values()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(RecordTypes.name(a.type())).append('=').append(a.outcome().dbName());
        }
        return sb.toString();
    }

    /** Queries sent for this domain. */
    public int attempts() {
        return answers.values().stream().mapToInt(TypeAnswer::attempts).sum();
    }
}
