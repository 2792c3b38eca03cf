/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import io.purplejo.dns.config.ExitCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds {@code domains} rows that are one domain written in more than one way (an internationalised
 * name in Unicode and in punycode, another case, a trailing dot), as a legacy system may have
 * stored them. It only reports: which row keeps a domain's records is the user's decision, and the
 * writers of this system use the row of the stored form ({@link DomainTable}).
 */
public final class DuplicateDomains {
    /** Rows that could have a twin: not plain lower-case ASCII, or punycode. */
    private static final String CANDIDATES =
            "SELECT id, name FROM domains WHERE name ~ '[^a-z0-9._-]' OR name LIKE 'xn--%'"
                    + " OR name LIKE '%.xn--%' OR name LIKE '%.'";

    private static final int LOOKUP_BATCH = 1_000;

    private DuplicateDomains() {}

    /** One row of {@code domains}. */
    public record Row(int id, String name) {}

    /** The rows of one domain, the row the writers use first. */
    public record Group(String domain, List<Row> rows) {}

    /** Every domain with more than one row, in name order. */
    public static List<Group> find(Connection c) throws SQLException {
        // the candidates, grouped by domain (a few per cent of a table: internationalised and
        // oddly written names); then the rows of their other spellings, which need not be
        // candidates themselves (example.com for Example.COM.)
        Map<DomainName, Set<Row>> byDomain =
                new TreeMap<>((a, b) -> a.ascii().compareTo(b.ascii()));
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor, not the whole result in memory at once
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setFetchSize(LOOKUP_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(byDomain, rs.getInt(1), rs.getString(2));
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        List<String> spellings = new ArrayList<>();
        for (DomainName d : byDomain.keySet()) {
            spellings.add(d.stored());
            d.alternateSpelling().ifPresent(spellings::add);
        }
        for (int from = 0; from < spellings.size(); from += LOOKUP_BATCH) {
            List<String> part =
                    spellings.subList(from, Math.min(spellings.size(), from + LOOKUP_BATCH));
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, name FROM domains WHERE name = ANY(?)")) {
                ps.setObject(1, part.toArray(String[]::new));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(byDomain, rs.getInt(1), rs.getString(2));
                    }
                }
            }
        }
        Map<String, Group> groups = new TreeMap<>();
        byDomain.forEach(
                (domain, rows) -> {
                    if (rows.size() > 1) {
                        List<Row> ordered = new ArrayList<>(rows);
                        // the row the writers use first: the stored form's, then the xn-- form's
                        ordered.sort(
                                Comparator.comparingInt((Row r) -> preference(domain, r))
                                        .thenComparingInt(Row::id));
                        groups.put(domain.stored(), new Group(domain.stored(), ordered));
                    }
                });
        return new ArrayList<>(groups.values());
    }

    private static void add(Map<DomainName, Set<Row>> byDomain, int id, String name) {
        DomainName.Parsed p = DomainName.parse(name);
        if (p.valid()) {
            byDomain.computeIfAbsent(p.name(), k -> new LinkedHashSet<>()).add(new Row(id, name));
        }
    }

    private static int preference(DomainName domain, Row row) {
        if (row.name().equals(domain.stored())) {
            return ExitCodes.OK;
        }
        return domain.alternateSpelling().filter(row.name()::equals).isPresent() ? 1 : 2;
    }
}
