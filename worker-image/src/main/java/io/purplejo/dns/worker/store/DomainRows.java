/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.names.DomainTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds (or inserts) the domains row of each resolved domain. A message's domain id is a claim, not
 * a fact: it is used only when that row holds the same name, and a domain whose id names another
 * row, or none, is refused (nothing of it is written, and neither row is touched).
 */
final class DomainRows {
    private DomainRows() {}

    /**
     * Each valid domain's row, and the domains refused with the reason. Invalid names without a row
     * get neither.
     */
    record Assignment(Map<ResolvedDomain, Integer> ids, Map<ResolvedDomain, String> refused) {}

    static Assignment assign(Connection c, List<ResolvedDomain> batch) throws SQLException {
        // by identity: a record's own hashCode would hash every answer and value of the domain
        IdentityHashMap<ResolvedDomain, Integer> ids = new IdentityHashMap<>();
        IdentityHashMap<ResolvedDomain, String> refused = new IdentityHashMap<>();
        Map<Long, String> hintedRows = hintedRows(c, batch);
        Set<DomainName> byName = new LinkedHashSet<>();
        for (ResolvedDomain d : batch) {
            long hint = d.domainIdHint();
            if (hint > 0) {
                String row = hintedRows.get(hint);
                if (row == null) {
                    refused.put(
                            d, "the message names domain id " + hint + ", which does not exist");
                } else if (!DomainName.sameDomain(row, d.resolution().input())) {
                    refused.put(
                            d,
                            "the message names domain id "
                                    + hint
                                    + " for '"
                                    + d.resolution().input()
                                    + "', but that row is '"
                                    + row
                                    + "'");
                } else {
                    ids.put(d, (int) hint);
                }
            } else if (d.resolution().name() != null) {
                byName.add(d.resolution().name());
            }
        }
        if (!byName.isEmpty()) {
            Map<DomainName, Integer> rows = DomainTable.findOrInsert(c, byName).ids();
            for (ResolvedDomain d : batch) {
                if (d.domainIdHint() <= 0 && d.resolution().name() != null) {
                    ids.put(d, rows.get(d.resolution().name()));
                }
            }
        }
        return new Assignment(ids, refused);
    }

    /** The names of the rows that the batch's messages name by id. */
    private static Map<Long, String> hintedRows(Connection c, List<ResolvedDomain> batch)
            throws SQLException {
        Set<Long> hinted = new TreeSet<>();
        for (ResolvedDomain d : batch) {
            if (d.domainIdHint() > 0) {
                hinted.add(d.domainIdHint());
            }
        }
        Map<Long, String> rows = new HashMap<>();
        if (hinted.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, name FROM domains WHERE id = ANY(?)")) {
            ps.setObject(
                    1,
                    hinted.stream()
                            .filter(id -> id <= Integer.MAX_VALUE)
                            .mapToInt(Long::intValue)
                            .toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    /** Bumps {@code domains.updated_at} of these rows: when each was last extracted. */
    static void touch(Connection c, Set<Integer> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // rows are locked in id order first: an UPDATE alone locks in whatever order its plan
        // visits them, which differs between plans and deadlocks concurrent workers
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE domains d SET updated_at = now() FROM (SELECT id FROM domains WHERE id = ANY(?)"
                                + " ORDER BY id FOR NO KEY UPDATE) locked WHERE d.id = locked.id")) {
            ps.setObject(1, ids.stream().mapToInt(Integer::intValue).toArray());
            ps.executeUpdate();
        }
    }
}
