/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.run;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.names.DomainTable;
import io.purplejo.dns.publisher.selection.Selection;
import io.purplejo.dns.publisher.selection.SelectionSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Creates or resumes a run's row in {@code dnsx_runs} and keeps its publish checkpoint. The run's
 * domain set is fixed at creation: the snapshot bound ({@code domain_id_limit}), the explicit
 * members, and the total counted then.
 */
public final class RunStore {
    /** Names of an explicit list found or inserted per statement. */
    private static final int MEMBER_SLICE = 10_000;

    private final DataSource dataSource;

    public RunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns the run, creating it when new. Its identity is {@code resourceUid} when given (the
     * DnsExtractionRun's uid: a run created again under the same name is a new run), else {@code
     * name}. A run that exists with another selection or other record types is refused: its set was
     * fixed when it started.
     */
    public PublishRun createOrResume(
            String name,
            String resourceUid,
            Selection selection,
            List<String> recordTypes,
            Integer outcomeRetentionDays)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                PublishRun run = load(c, name, resourceUid, selection, recordTypes);
                if (run == null) {
                    run = create(c, name, resourceUid, selection, recordTypes);
                }
                // unlike the selection, the retention may change while a run lives: the latest
                // setting counts
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE dnsx_runs SET outcome_retention_days = ? WHERE id = ?")) {
                    ps.setObject(1, outcomeRetentionDays, java.sql.Types.INTEGER);
                    ps.setLong(2, run.id());
                    ps.executeUpdate();
                }
                c.commit();
                return run;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static PublishRun load(
            Connection c, String name, String resourceUid, Selection selection, List<String> types)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id, selection::text, record_types, publish_checkpoint,"
                                + " published, domain_id_limit, total, state, outcomes_dropped_at"
                                + " FROM dnsx_runs WHERE "
                                + (resourceUid != null
                                        ? "resource_uid = ?"
                                        : "name = ? AND resource_uid IS NULL")
                                + " FOR UPDATE")) {
            ps.setString(1, resourceUid != null ? resourceUid : name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!selection.sameAs(rs.getString(2))) {
                    throw new InvalidConfigurationException(
                            "run '"
                                    + name
                                    + "' exists with another selection ("
                                    + rs.getString(2)
                                    + "); a run's selection cannot change after it starts");
                }
                if (rs.getTimestamp(9) != null) {
                    // its members and outcomes are gone: a resumed attempt would publish again
                    // what it published, and its workers would find no partition to write to
                    throw new InvalidConfigurationException(
                            "run '"
                                    + name
                                    + "' cannot go on: its per-domain outcomes were dropped at "
                                    + rs.getTimestamp(9).toInstant()
                                    + " when its outcome retention ended; start a new run");
                }
                List<String> stored = List.of((String[]) rs.getArray(3).getArray());
                if (!stored.equals(types)) {
                    throw new InvalidConfigurationException(
                            "run '"
                                    + name
                                    + "' exists with record types "
                                    + stored
                                    + "; a run's record types cannot change after it starts");
                }
                long limit = rs.getLong(6);
                if (rs.wasNull()) {
                    return null; // created by someone who did not start publishing: start it now
                }
                return new PublishRun(
                        rs.getLong(1),
                        rs.getLong(4),
                        rs.getLong(5),
                        limit,
                        rs.getLong(7),
                        "published".equals(rs.getString(8)));
            }
        }
    }

    private static PublishRun create(
            Connection c, String name, String resourceUid, Selection selection, List<String> types)
            throws SQLException {
        long runId;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_runs (name, resource_uid, selection, record_types, state)"
                                + " VALUES (?, ?, ?::jsonb, ?, 'publishing') ON CONFLICT "
                                + (resourceUid != null
                                        ? "(resource_uid) WHERE resource_uid IS NOT NULL"
                                        : "(name) WHERE resource_uid IS NULL")
                                + " DO UPDATE SET state = 'publishing', updated_at = now() RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, resourceUid);
            ps.setString(3, selection.toJson());
            ps.setArray(4, c.createArrayOf("text", types.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        if (selection.explicit()) {
            addMembers(c, runId, selection.names());
        }
        long limit;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM domains");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            limit = rs.getLong(1);
        }
        long total = SelectionSql.of(selection, runId).count(c, 0, limit);
        if (selection.limit() != null) {
            total = Math.min(total, selection.limit());
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE dnsx_runs SET domain_id_limit = ?, total = ?,"
                                + " publish_checkpoint = 0, published = 0, publish_started_at = now(), updated_at = now() WHERE id = ?")) {
            ps.setLong(1, limit);
            ps.setLong(2, total);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
        return new PublishRun(runId, 0, 0, limit, total, false);
    }

    /** Inserts the valid names into domains where missing; throws naming the first invalid one. */
    public void insertMissing(List<String> rawNames) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insertNames(c, rawNames);
        }
    }

    /**
     * Inserts the explicit names into domains when missing (valid names only) and records them as
     * members.
     */
    private static void addMembers(Connection c, long runId, List<String> rawNames)
            throws SQLException {
        // in slices: a list of millions of names is not one statement of millions of parameters
        for (int from = 0; from < rawNames.size(); from += MEMBER_SLICE) {
            List<String> slice =
                    rawNames.subList(from, Math.min(rawNames.size(), from + MEMBER_SLICE));
            Collection<Integer> ids = insertNames(c, slice);
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO dnsx_run_members (run_id, domain_id)"
                                    + " SELECT ?, id FROM unnest(?::int[]) AS x(id) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, runId);
                ps.setObject(2, ids.stream().mapToInt(Integer::intValue).sorted().toArray());
                ps.executeUpdate();
            }
        }
    }

    /** The rows of the listed names, found in either spelling or inserted. */
    private static Collection<Integer> insertNames(Connection c, List<String> rawNames)
            throws SQLException {
        Set<DomainName> names = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String raw : rawNames) {
            DomainName.Parsed p = DomainName.parse(raw);
            if (p.valid()) {
                names.add(p.name());
            } else {
                invalid.add(raw);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidConfigurationException(
                    invalid.size()
                            + " of the listed domains are not valid names, e.g. '"
                            + invalid.get(0)
                            + "'");
        }
        return DomainTable.findOrInsert(c, names).ids().values();
    }

    /**
     * Throws {@link InvalidConfigurationException} unless a run of this name other than the run
     * {@code ownUid} exists: the run whose failures a {@code failures-of} selection retries.
     */
    public void requireEarlierRun(String name, String ownUid) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT 1 FROM dnsx_runs WHERE name = ?"
                                        + " AND (?::text IS NULL OR resource_uid IS DISTINCT FROM ?) LIMIT 1")) {
            ps.setString(1, name);
            ps.setString(2, ownUid);
            ps.setString(3, ownUid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidConfigurationException(
                            "--failures-of: no run named '"
                                    + name
                                    + "' in this database (a run's name is namespace/name, as"
                                    + " its DnsExtractionRun's)");
                }
            }
        }
    }

    /**
     * Records confirmed progress; called as confirms arrive. Never after the run was marked
     * published: a late save of an attempt that was replaced must not move the final total.
     */
    public void saveProgress(long runId, long checkpoint, long published) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE dnsx_runs SET publish_checkpoint = ?, published = ?,"
                                        + " updated_at = now() WHERE id = ? AND state <> 'published'")) {
            ps.setLong(1, checkpoint);
            ps.setLong(2, published);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks publishing complete; the total becomes what was published, so completion checks are
     * exact.
     */
    public void finish(long runId, long checkpoint, long published) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE dnsx_runs SET publish_checkpoint = ?, published = ?,"
                                        + " total = ?, state = 'published', publish_finished_at = now(), updated_at = now() WHERE id = ?")) {
            ps.setLong(1, checkpoint);
            ps.setLong(2, published);
            ps.setLong(3, published);
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }
}
