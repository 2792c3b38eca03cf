/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the lookup of one record type of one name ended.
 *
 * @param type dnsjava type code
 * @param outcome records, no data, NXDOMAIN, or the failure after all retries
 * @param records the distinct records of the type, in answer order, typed
 * @param cnameTargets CNAME targets owned by the queried name (the first hop of its alias chain)
 * @param attempts queries sent, retries and TCP included
 */
public record TypeAnswer(
        int type,
        Outcome outcome,
        List<RecordValue> records,
        List<String> cnameTargets,
        int attempts) {

    public static TypeAnswer failed(int type, Outcome outcome, int attempts) {
        return new TypeAnswer(type, outcome, List.of(), List.of(), attempts);
    }

    /**
     * The records' canonical texts, in order; null for a TXT record that is not text (so not an
     * immutable list, which refuses null).
     */
    public List<String> values() {
        List<String> out = new ArrayList<>(records.size());
        for (RecordValue r : records) {
            out.add(r.text());
        }
        return Collections.unmodifiableList(out);
    }
}
