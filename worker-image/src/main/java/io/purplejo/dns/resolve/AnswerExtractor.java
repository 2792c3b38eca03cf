/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns a validated response into a {@link TypeAnswer}: keeps only class IN answer-section records
 * owned by the queried name or a name of its CNAME chain (what a recursive resolver returns for an
 * alias), so that glue, stray, poisoned or other-class (CH, HS, ANY) records are never stored or
 * followed.
 */
public final class AnswerExtractor {
    /**
     * CNAMEs followed at most: longer chains are loops or abuse, and resolvers stop well before
     * this.
     */
    static final int MAX_CHAIN = 16;

    private AnswerExtractor() {}

    /** The names that own the domain's data: the queried name and its CNAME chain. */
    private record Chain(Set<Name> owners, List<String> firstHop, boolean tooLong) {}

    public static TypeAnswer extract(Message response, Name qname, int qtype, int attempts) {
        List<Record> answer = response.getSection(Section.ANSWER);
        Chain chain = followChain(answer, qname);
        List<RecordValue> values = new ArrayList<>();
        if (qtype == Type.CNAME) {
            for (String target : chain.firstHop()) {
                values.add(new RecordValue.Host(target));
            }
        } else {
            collectValues(answer, qtype, chain.owners(), values);
        }
        Outcome outcome = outcomeOf(response.getRcode(), qtype, chain.tooLong(), values.isEmpty());
        if (outcome != Outcome.RESOLVED && outcome != Outcome.NO_DATA) {
            values.clear();
        }
        return new TypeAnswer(
                qtype, outcome, List.copyOf(values), List.copyOf(chain.firstHop()), attempts);
    }

    /** Follows the class IN CNAMEs from {@code qname}, stopping at a loop or {@link #MAX_CHAIN}. */
    private static Chain followChain(List<Record> answer, Name qname) {
        Set<Name> owners = new LinkedHashSet<>();
        owners.add(qname);
        List<String> firstHop = new ArrayList<>();
        Name current = qname;
        for (int hop = 0; ; hop++) {
            Name next = cnameTarget(answer, current);
            if (next == null) {
                return new Chain(owners, firstHop, false);
            }
            if (hop == 0) {
                String t = RecordFormat.host(next);
                if (!firstHop.contains(t)) {
                    firstHop.add(t);
                }
            }
            if (owners.contains(next) || hop >= MAX_CHAIN) {
                // a loop, or longer than any resolver follows: what lies at its end is not the
                // domain's
                return new Chain(owners, firstHop, true);
            }
            owners.add(next);
            current = next;
        }
    }

    private static Name cnameTarget(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r instanceof CNAMERecord c
                    && r.getDClass() == DClass.IN
                    && r.getName().equals(owner)) {
                return c.getTarget();
            }
        }
        return null;
    }

    /** Adds each distinct class IN record of {@code qtype} owned by the chain, in answer order. */
    private static void collectValues(
            List<Record> answer, int qtype, Set<Name> owners, List<RecordValue> values) {
        for (Record r : answer) {
            if (r.getType() != qtype
                    || r.getDClass() != DClass.IN
                    || !owners.contains(r.getName())) {
                continue;
            }
            RecordValue value = RecordFormat.value(r);
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    static Outcome outcomeOf(int rcode, int qtype, boolean chainTooLong, boolean noValues) {
        return switch (rcode) {
            case Rcode.NOERROR ->
                    chainTooLong && qtype != Type.CNAME
                            ? Outcome.CHAIN_TOO_LONG
                            : noValues ? Outcome.NO_DATA : Outcome.RESOLVED;
            case Rcode.NXDOMAIN -> Outcome.NXDOMAIN;
            case Rcode.REFUSED -> Outcome.REFUSED;
            default -> Outcome.SERVFAIL;
        };
    }
}
