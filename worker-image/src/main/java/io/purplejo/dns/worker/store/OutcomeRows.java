/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DomainResolution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Each domain's outcome in its run (a new or changed row moves the counters, a redelivered one does
 * not) and the names a run could not resolve because they are not valid domain names.
 */
final class OutcomeRows {
    private OutcomeRows() {}

    static void write(
            Connection c,
            long runId,
            Map<Integer, ResolvedDomain> domains,
            Map<Outcome, Long> deltas)
            throws SQLException {
        int[] ids = new int[domains.size()];
        String[] outcomes = new String[domains.size()];
        String[] types = new String[domains.size()];
        int i = 0;
        for (Map.Entry<Integer, ResolvedDomain> e : domains.entrySet()) {
            DomainResolution r = e.getValue().resolution();
            ids[i] = e.getKey();
            outcomes[i] = r.outcome().dbName();
            types[i] =
                    r.invalidReason() != null ? "invalid: " + r.invalidReason() : r.typeOutcomes();
            i++;
        }
        // previous_outcome is set from the row being replaced, so RETURNING tells new rows (null)
        // from changed ones atomically, even when two workers write the same domain at once
        String sql =
                "INSERT INTO dnsx_domain_outcomes AS o (run_id, domain_id, outcome, type_outcomes, attempts, resolved_at)"
                        + " SELECT ?, d, oc, t, 1, now() FROM unnest(?::int4[], ?::text[], ?::text[]) AS x(d, oc, t)"
                        + " ON CONFLICT (run_id, domain_id) DO UPDATE SET previous_outcome = o.outcome,"
                        + " outcome = EXCLUDED.outcome, type_outcomes = EXCLUDED.type_outcomes,"
                        + " attempts = o.attempts + 1, resolved_at = EXCLUDED.resolved_at"
                        + " RETURNING outcome, previous_outcome";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setObject(2, ids);
            ps.setObject(3, outcomes);
            ps.setObject(4, types);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Outcome now = Outcome.fromDbName(rs.getString(1));
                    String before = rs.getString(2);
                    if (before == null) {
                        deltas.merge(now, 1L, Long::sum);
                    } else if (!before.equals(now.dbName())) {
                        deltas.merge(now, 1L, Long::sum);
                        deltas.merge(Outcome.fromDbName(before), -1L, Long::sum);
                    }
                }
            }
        }
        deltas.values().removeIf(v -> v == 0);
    }

    static long writeInvalidNames(Connection c, long runId, Map<String, String> names)
            throws SQLException {
        long added = 0;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_invalid_names (run_id, name, reason, seen_at)"
                                + " SELECT ?, n, r, now() FROM unnest(?::text[], ?::text[]) AS x(n, r)"
                                + " ON CONFLICT (run_id, name) DO NOTHING RETURNING 1")) {
            ps.setLong(1, runId);
            ps.setArray(2, c.createArrayOf("text", names.keySet().toArray()));
            ps.setArray(3, c.createArrayOf("text", names.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added++;
                }
            }
        }
        return added;
    }
}
