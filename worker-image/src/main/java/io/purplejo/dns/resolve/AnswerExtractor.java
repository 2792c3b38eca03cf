/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Turns a validated response into a {@link TypeAnswer}: keeps only class IN answer-section records
 * owned by the queried name or a name of its CNAME chain (what a recursive resolver returns for an
 * alias), so that glue, stray, poisoned or other-class (CH, HS, ANY) records are never stored or
 * followed.
 */
final class AnswerExtractor {
    /**
     * CNAMEs followed at most: longer chains are loops or abuse, and resolvers stop well before
     * this.
     */
    static final int MAX_CHAIN = 16;

    private AnswerExtractor() {}

    /** The names that own the domain's data (offsets in the response), and how the chain ended. */
    private static final class Chain {
        final int[] owners = new int[MAX_CHAIN + 2];
        int ownerCount;
        final List<String> firstHop = new ArrayList<>(1);
        boolean tooLong;

        boolean owns(WireResponse m, int name) {
            for (int i = 0; i < ownerCount; i++) {
                if (m.sameName(owners[i], name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The answer to the response's question, which {@link ResponsePolicy#answers} has matched to
     * the lookup.
     */
    static TypeAnswer extract(WireResponse response, int qtype, int attempts) {
        Chain chain = followChain(response);
        List<RecordValue> values = new ArrayList<>();
        if (qtype == Type.CNAME) {
            for (String target : chain.firstHop) {
                values.add(new RecordValue.Host(target));
            }
        } else {
            collectValues(response, qtype, chain, values);
        }
        Outcome outcome = outcomeOf(response.rcode(), qtype, chain.tooLong, values.isEmpty());
        if (outcome != Outcome.RESOLVED && outcome != Outcome.NO_DATA) {
            values.clear();
        }
        return new TypeAnswer(
                qtype, outcome, List.copyOf(values), List.copyOf(chain.firstHop), attempts);
    }

    /**
     * Follows the class IN CNAMEs from the question's name, stopping at a loop or {@link
     * #MAX_CHAIN}.
     */
    private static Chain followChain(WireResponse m) {
        Chain chain = new Chain();
        int current = m.questionName();
        chain.owners[chain.ownerCount++] = current;
        for (int hop = 0; ; hop++) {
            int next = cnameTarget(m, current);
            if (next < 0) {
                return chain;
            }
            if (hop == 0) {
                String t = m.host(next);
                if (!chain.firstHop.contains(t)) {
                    chain.firstHop.add(t);
                }
            }
            if (chain.owns(m, next) || hop >= MAX_CHAIN) {
                // a loop, or longer than any resolver follows: what lies at its end is not the
                // domain's
                chain.tooLong = true;
                return chain;
            }
            chain.owners[chain.ownerCount++] = next;
            current = next;
        }
    }

    /** The target (its offset) of the first class IN CNAME owned by {@code owner}, or -1. */
    private static int cnameTarget(WireResponse m, int owner) {
        for (int i = 0; i < m.answerCount(); i++) {
            if (m.answerType(i) == Type.CNAME
                    && m.answerIsClassIn(i)
                    && m.sameName(m.answerOwner(i), owner)) {
                return m.answerData(i);
            }
        }
        return -1;
    }

    /** Adds each distinct class IN record of {@code qtype} owned by the chain, in answer order. */
    private static void collectValues(
            WireResponse m, int qtype, Chain chain, List<RecordValue> values) {
        for (int i = 0; i < m.answerCount(); i++) {
            if (m.answerType(i) != qtype
                    || !m.answerIsClassIn(i)
                    || !chain.owns(m, m.answerOwner(i))) {
                continue;
            }
            RecordValue value = RecordFormat.value(m, i);
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
