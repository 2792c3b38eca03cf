/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.names.DomainName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds (or inserts) the domains row of each resolved domain. */
final class DomainRows {
    private DomainRows() {}

    /** The id of each valid domain's row; invalid names without a row get none. */
    static Map<ResolvedDomain, Integer> assign(Connection c, List<ResolvedDomain> batch)
            throws SQLException {
        // by identity: a record's own hashCode would hash every answer and value of the domain
        Map<ResolvedDomain, Integer> ids = new IdentityHashMap<>();
        Set<Long> hinted = new TreeSet<>();
        for (ResolvedDomain d : batch) {
            if (d.domainIdHint() > 0) {
                hinted.add(d.domainIdHint());
            }
        }
        Set<Long> existing = new HashSet<>();
        if (!hinted.isEmpty()) {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id FROM domains WHERE id = ANY(?)")) {
                ps.setObject(1, hinted.stream().mapToInt(Long::intValue).toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getLong(1));
                    }
                }
            }
        }
        List<ResolvedDomain> byName = new ArrayList<>();
        for (ResolvedDomain d : batch) {
            if (d.domainIdHint() > 0 && existing.contains(d.domainIdHint())) {
                ids.put(d, (int) d.domainIdHint());
            } else if (d.resolution().name() != null) {
                byName.add(d);
            }
        }
        if (byName.isEmpty()) {
            return ids;
        }
        Set<String> names = new TreeSet<>();
        for (ResolvedDomain d : byName) {
            DomainName n = d.resolution().name();
            names.add(n.stored());
            n.alternateSpelling().ifPresent(names::add);
        }
        Map<String, Integer> found = select(c, names);
        Set<String> missing = new TreeSet<>();
        for (ResolvedDomain d : byName) {
            if (lookup(found, d.resolution().name()) == null) {
                missing.add(d.resolution().name().stored());
            }
        }
        if (!missing.isEmpty()) {
            insert(c, missing, found);
        }
        for (ResolvedDomain d : byName) {
            Integer id = lookup(found, d.resolution().name());
            if (id == null) {
                throw new SQLException(
                        "domain row for '"
                                + d.resolution().name().stored()
                                + "' could be neither found nor inserted",
                        "XX000");
            }
            ids.put(d, id);
        }
        return ids;
    }

    private static Integer lookup(Map<String, Integer> found, DomainName n) {
        Integer id = found.get(n.stored());
        if (id == null && n.alternateSpelling().isPresent()) {
            id = found.get(n.alternateSpelling().get());
        }
        return id;
    }

    private static Map<String, Integer> select(Connection c, Collection<String> names)
            throws SQLException {
        Map<String, Integer> found = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, name FROM domains WHERE name = ANY(?)")) {
            ps.setObject(1, names.toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        return found;
    }

    private static void insert(Connection c, Set<String> missing, Map<String, Integer> found)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO domains (name, created_at, updated_at) SELECT n, now(), now()"
                                + " FROM unnest(?::text[]) AS x(n) ON CONFLICT (name) DO NOTHING RETURNING id, name")) {
            ps.setObject(1, missing.toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        // rows another worker inserted between our select and insert
        Set<String> still = new TreeSet<>(missing);
        still.removeAll(found.keySet());
        if (!still.isEmpty()) {
            found.putAll(select(c, still));
        }
    }

    /** Bumps {@code domains.updated_at} of these rows: when each was last extracted. */
    static void touch(Connection c, Set<Integer> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // rows are locked in id order first: an UPDATE alone locks in whatever order its plan
        // visits them,
        // which differs between plans and deadlocks concurrent workers
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE domains d SET updated_at = now() FROM (SELECT id FROM domains WHERE id = ANY(?)"
                                + " ORDER BY id FOR NO KEY UPDATE) locked WHERE d.id = locked.id")) {
            ps.setObject(1, ids.stream().mapToInt(Integer::intValue).toArray());
            ps.executeUpdate();
        }
    }
}
