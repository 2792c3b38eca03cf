/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.util.List;

/**
 * How the lookup of one record type of one name ended.
 *
 * @param type dnsjava type code
 * @param outcome records, no data, NXDOMAIN, or the failure after all retries
 * @param values the records of the type in canonical text form (see {@link RecordFormat}); for TXT
 *     the record's character-strings joined, or null where they are not valid UTF-8 text
 * @param rawValues for TXT, each record's bytes exactly as received (same order as values); else
 *     empty
 * @param cnameTargets CNAME targets owned by the queried name (the first hop of its alias chain)
 * @param attempts queries sent, retries and TCP included
 */
public record TypeAnswer(
        int type,
        Outcome outcome,
        List<String> values,
        List<byte[]> rawValues,
        List<String> cnameTargets,
        int attempts) {

    public static TypeAnswer failed(int type, Outcome outcome, int attempts) {
        return new TypeAnswer(type, outcome, List.of(), List.of(), List.of(), attempts);
    }

    public TypeAnswer withAttempts(int n) {
        return new TypeAnswer(type, outcome, values, rawValues, cnameTargets, n);
    }
}
