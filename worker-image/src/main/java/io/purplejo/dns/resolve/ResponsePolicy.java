/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;

/**
 * What the client does with a response, decided without sockets: whether it answers the question
 * asked, and then whether its data is taken, asked again over TCP or without EDNS, or counted as a
 * failed attempt that another resolver may retry.
 */
final class ResponsePolicy {
    private ResponsePolicy() {}

    /** What to do with a response that answers the lookup's question. */
    enum Action {
        /** Records, no data or NXDOMAIN: the answer, which ends the lookup. */
        TAKE(null),
        /** Truncated over UDP: ask the same resolver over TCP. */
        ASK_OVER_TCP(null),
        /** FORMERR to a query with EDNS: an old server; ask again without EDNS. */
        ASK_WITHOUT_EDNS(Outcome.SERVFAIL),
        /**
         * Still truncated over TCP: part of a set is not the set; another resolver may do better.
         */
        FAIL_TRUNCATED(Outcome.TRUNCATED),
        FAIL_SERVFAIL(Outcome.SERVFAIL),
        /** A policy or a rate limit: the resolver is asked less for a while. */
        FAIL_REFUSED(Outcome.REFUSED);

        /**
         * How the lookup ends when no retry is left; null for the actions that ask again at once.
         */
        final Outcome failure;

        Action(Outcome failure) {
            this.failure = failure;
        }
    }

    /**
     * Whether a response is the answer to the question {@code query} (in wire form) asks: QR set,
     * QUERY, same name in any case, same type, class IN. Anything else is dropped as mismatched,
     * and the attempt keeps waiting.
     */
    static boolean answers(WireResponse response, byte[] query, int type) {
        return response.isResponse()
                && response.opcode() == Opcode.QUERY
                && response.asks(query, type);
    }

    /**
     * The action for a response that answers the question.
     *
     * @param overTcp whether it came over TCP
     * @param ednsSent whether the query carried EDNS
     */
    static Action actionFor(WireResponse response, boolean overTcp, boolean ednsSent) {
        return actionFor(response.rcode(), response.truncated(), overTcp, ednsSent);
    }

    static Action actionFor(int rcode, boolean truncated, boolean overTcp, boolean ednsSent) {
        if (truncated) {
            return overTcp ? Action.FAIL_TRUNCATED : Action.ASK_OVER_TCP;
        }
        if (rcode == Rcode.FORMERR && ednsSent) {
            return Action.ASK_WITHOUT_EDNS;
        }
        if (rcode == Rcode.SERVFAIL) {
            return Action.FAIL_SERVFAIL;
        }
        if (rcode == Rcode.REFUSED) {
            return Action.FAIL_REFUSED;
        }
        return Action.TAKE;
    }
}
