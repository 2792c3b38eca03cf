/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one way names become {@code domains} rows, for every writer (the worker, the publisher's
 * listed names, the one-machine loader): a name's row is found under its stored form or, for a row
 * a legacy system stored in the other spelling of an internationalised name, under that; only a
 * name with neither is inserted, in its stored form. So {@code bücher.de} and {@code
 * xn--bcher-kva.de} are one row whoever writes first.
 */
public final class DomainTable {
    private DomainTable() {}

    /** The rows of a set of names: each name's id, and how many rows were inserted for them. */
    public record Rows(Map<DomainName, Integer> ids, int inserted) {}

    /** The rows of these names that exist, under either spelling; inserts nothing. */
    public static Map<DomainName, Integer> find(Connection c, Collection<DomainName> names)
            throws SQLException {
        Map<DomainName, Integer> ids = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        Map<String, Integer> found = select(c, spellings(names));
        for (DomainName n : names) {
            Integer id = idOf(found, n);
            if (id != null) {
                ids.put(n, id);
            }
        }
        return ids;
    }

    /** Finds each name's row, inserting the missing ones, in the caller's transaction. */
    public static Rows findOrInsert(Connection c, Collection<DomainName> names)
            throws SQLException {
        Map<DomainName, Integer> ids = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return new Rows(ids, 0);
        }
        Map<String, Integer> found = select(c, spellings(names));
        // sorted: concurrent inserters take the unique index's locks in one order
        TreeSet<String> missing = new TreeSet<>();
        for (DomainName n : names) {
            Integer id = idOf(found, n);
            if (id == null) {
                missing.add(n.stored());
            } else {
                ids.put(n, id);
            }
        }
        int inserted = 0;
        if (!missing.isEmpty()) {
            Map<String, Integer> added = insert(c, missing);
            inserted = added.size();
            found.putAll(added);
            // rows another writer inserted between our select and insert
            TreeSet<String> still = new TreeSet<>(missing);
            still.removeAll(added.keySet());
            if (!still.isEmpty()) {
                found.putAll(select(c, still));
            }
            for (DomainName n : names) {
                if (!ids.containsKey(n)) {
                    Integer id = idOf(found, n);
                    if (id == null) {
                        throw new SQLException(
                                "domain row for '"
                                        + n.stored()
                                        + "' could be neither found nor inserted",
                                "XX000");
                    }
                    ids.put(n, id);
                }
            }
        }
        return new Rows(ids, inserted);
    }

    /** Every spelling under which a row of these names may be stored. */
    private static SortedSet<String> spellings(Collection<DomainName> names) {
        TreeSet<String> all = new TreeSet<>();
        for (DomainName n : names) {
            all.add(n.stored());
            n.alternateSpelling().ifPresent(all::add);
        }
        return all;
    }

    /** The row under the stored form first: the one this system writes. */
    private static Integer idOf(Map<String, Integer> found, DomainName n) {
        Integer id = found.get(n.stored());
        if (id == null && n.alternateSpelling().isPresent()) {
            id = found.get(n.alternateSpelling().get());
        }
        return id;
    }

    private static Map<String, Integer> select(Connection c, Collection<String> names)
            throws SQLException {
        Map<String, Integer> found = new HashMap<>();
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

    private static Map<String, Integer> insert(Connection c, Collection<String> names)
            throws SQLException {
        Map<String, Integer> added = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO domains (name, created_at, updated_at) SELECT n, now(), now()"
                                + " FROM unnest(?::text[]) AS x(n)"
                                + " ON CONFLICT (name) DO NOTHING RETURNING id, name")) {
            ps.setObject(1, names.toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        return added;
    }
}
