/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.selection;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.schema.LegacyRecordTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL predicate of a selection over {@code domains d}. Every query over it is bounded by the
 * run's snapshot ({@code d.id <= limit}) and walks the primary key, so the set is fixed when the
 * run starts: rows inserted later have larger ids, and the run's own workers only touch domains
 * behind the cursor.
 */
public final class SelectionSql {
    /** A parameter that takes the page's (or the count's) id bound, not a fixed value. */
    private enum PageBound {
        AFTER_ID,
        UP_TO_ID
    }

    private final String where;
    private final List<Object> params;

    private SelectionSql(String where, List<Object> params) {
        this.where = where;
        this.params = params;
    }

    /**
     * The WHERE clause and parameters of a selection.
     *
     * @param runId the run whose explicit member list to use, or null in legacy mode (explicit
     *     names are then matched by name)
     */
    public static SelectionSql of(Selection s, Long runId) {
        StringBuilder w = new StringBuilder();
        List<Object> p = new ArrayList<>();
        if (s.explicit()) {
            if (runId != null) {
                w.append(
                        " AND d.id IN (SELECT m.domain_id FROM dnsx_run_members m WHERE m.run_id = ?)");
                p.add(runId);
            } else {
                w.append(" AND d.name = ANY(?)");
                p.add(s.names().stream().flatMap(SelectionSql::spellings).distinct().toList());
            }
        }
        switch (s.mode()) {
            case NEVER_EXTRACTED -> {
                // the page's id range, repeated inside each subquery: PostgreSQL does not carry a
                // range over the join, and a merge anti join then reads every table's domain_id
                // index from its start for each page, which grows with the cursor (quadratic
                // over a run; found by bench/scale-sim.sh)
                // a failure (timeout, SERVFAIL, ...) is not an extraction: such domains stay
                // selected until a run gets a definite answer for them
                w.append(
                        " AND NOT EXISTS (SELECT 1 FROM dnsx_domain_outcomes o WHERE o.domain_id = d.id"
                                + " AND o.domain_id > ? AND o.domain_id <= ? AND o.outcome = ANY(?))");
                p.add(PageBound.AFTER_ID);
                p.add(PageBound.UP_TO_ID);
                p.add(Outcome.extractedDbNames());
                // a domain with a row in any record table was extracted before
                for (LegacyRecordTable t : LegacyRecordTable.values()) {
                    w.append(" AND NOT EXISTS (SELECT 1 FROM ")
                            .append(t.tableName())
                            .append(" r WHERE r.domain_id = d.id")
                            .append(" AND r.domain_id > ? AND r.domain_id <= ?)");
                    p.add(PageBound.AFTER_ID);
                    p.add(PageBound.UP_TO_ID);
                }
            }
            case FAILURES_OF -> {
                // the latest run of that name other than this one (a run created again under its
                // name is a new row); its outcomes no longer change, so the set is fixed
                w.append(
                        " AND EXISTS (SELECT 1 FROM dnsx_domain_outcomes o WHERE o.domain_id = d.id"
                                + " AND o.domain_id > ? AND o.domain_id <= ?"
                                + " AND o.run_id = (SELECT max(r.id) FROM dnsx_runs r WHERE r.name = ? AND r.id <> ?)"
                                + " AND o.outcome <> ALL(?))");
                p.add(PageBound.AFTER_ID);
                p.add(PageBound.UP_TO_ID);
                p.add(s.failuresOf());
                p.add(runId == null ? 0L : runId);
                p.add(Outcome.extractedDbNames());
            }
            case NOT_EXTRACTED_SINCE -> {
                w.append(" AND d.updated_at < ?");
                p.add(Timestamp.from(s.since()));
            }
            default -> {}
        }
        if (!s.suffixes().isEmpty()) {
            w.append(" AND (");
            List<String> suffixes =
                    s.suffixes().stream().flatMap(SelectionSql::spellings).distinct().toList();
            for (int i = 0; i < suffixes.size(); i++) {
                if (i > 0) {
                    w.append(" OR ");
                }
                w.append("d.name = ? OR d.name LIKE ? ESCAPE '\\'");
                String suffix = suffixes.get(i);
                p.add(suffix);
                p.add("%." + suffix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
            w.append(')');
        }
        return new SelectionSql(w.toString(), p);
    }

    /**
     * Every spelling under which a legacy database may hold a name or suffix: its stored form and,
     * for an internationalised one, its {@code xn--} form; an invalid name as written.
     */
    private static Stream<String> spellings(String raw) {
        DomainName.Parsed parsed = DomainName.parse(raw);
        if (!parsed.valid()) {
            return Stream.of(raw);
        }
        DomainName n = parsed.name();
        return Stream.concat(Stream.of(n.stored()), n.alternateSpelling().stream());
    }

    /** Counts the selected domains with {@code afterId < id <= upToId}. */
    public long count(Connection c, long afterId, long upToId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT count(*) FROM domains d WHERE d.id > ? AND d.id <= ?" + where)) {
            bind(c, ps, afterId, upToId, 3);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The id that ends a window of {@code rows} domain rows after {@code afterId} (its last row's),
     * or {@code upToId} when fewer are left: a walk of the primary key, whatever the statistics.
     */
    public static long windowEnd(Connection c, long afterId, long upToId, long rows)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id FROM domains WHERE id > ? AND id <= ? ORDER BY id OFFSET ? LIMIT 1")) {
            ps.setLong(1, afterId);
            ps.setLong(2, upToId);
            ps.setLong(3, rows - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : upToId;
            }
        }
    }

    /**
     * A page query: the next {@code pageSize} selected domains after {@code afterId}, in id order.
     */
    public PreparedStatement page(Connection c, long afterId, long upToId, int pageSize)
            throws SQLException {
        PreparedStatement ps =
                c.prepareStatement(
                        "SELECT d.id, d.name FROM domains d WHERE d.id > ? AND d.id <= ?"
                                + where
                                + " ORDER BY d.id LIMIT ?");
        int next = bind(c, ps, afterId, upToId, 3);
        ps.setInt(next, pageSize);
        return ps;
    }

    private int bind(Connection c, PreparedStatement ps, long afterId, long upToId, int first)
            throws SQLException {
        ps.setLong(1, afterId);
        ps.setLong(2, upToId);
        int i = first;
        for (Object o : params) {
            if (o == PageBound.AFTER_ID) {
                ps.setLong(i++, afterId);
            } else if (o == PageBound.UP_TO_ID) {
                ps.setLong(i++, upToId);
            } else if (o instanceof List<?> list) {
                ps.setArray(i++, c.createArrayOf("text", list.toArray()));
            } else {
                ps.setObject(i++, o);
            }
        }
        return i;
    }
}
