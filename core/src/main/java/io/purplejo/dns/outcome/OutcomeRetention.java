/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the per-domain outcomes of runs whose retention ended (schema V7): a run that set {@code
 * outcome_retention_days}, finished publishing, and got no outcome for that many days loses its
 * partition with one DROP TABLE, its members and invalid names; the run row and its counters stay,
 * so that its totals remain. Runs without a retention keep their outcomes for ever, as before.
 */
public final class OutcomeRetention {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRetention.class);

    /** A run whose outcomes were dropped. */
    public record Dropped(long runId, String name, int retentionDays) {
        /** The oldest time at which this run's last activity still keeps its outcomes. */
        Instant keepsSince(Instant now) {
            return now.minus(Duration.ofDays(retentionDays));
        }
    }

    /** Where one run's retention stands. */
    public sealed interface RunRetention {
        /** The run has no retention, or no row yet: nothing to drop, now or later. */
        record None() implements RunRetention {}

        /** The run's outcomes are kept until at least this time (the next time to look). */
        record KeptUntil(Instant until) implements RunRetention {}

        /** The run's outcomes are gone (dropped now or earlier). */
        record Dropped(Instant at) implements RunRetention {}
    }

    private OutcomeRetention() {}

    /**
     * Applies one run's retention at {@code now}, the run found by its resource's uid: drops its
     * outcomes when its retention ended, else says until when they are kept. The operator calls it
     * for the finished runs it keeps, so that their outcomes go when their retention says, not when
     * some later run's publisher happens to start.
     */
    public static RunRetention applyToRun(DataSource dataSource, String resourceUid, Instant now)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dropped run;
            Instant lastActivity;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT id, name, outcome_retention_days,"
                                    + " coalesce(publish_finished_at, updated_at), outcomes_dropped_at"
                                    + " FROM dnsx_runs WHERE resource_uid = ?"
                                    + " AND outcome_retention_days IS NOT NULL")) {
                ps.setString(1, resourceUid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new RunRetention.None();
                    }
                    if (rs.getTimestamp(5) != null) {
                        return new RunRetention.Dropped(rs.getTimestamp(5).toInstant());
                    }
                    run = new Dropped(rs.getLong(1), rs.getString(2), rs.getInt(3));
                    lastActivity = rs.getTimestamp(4).toInstant();
                }
            }
            Instant newest = newestOutcome(c, run.runId());
            if (newest != null && newest.isAfter(lastActivity)) {
                lastActivity = newest;
            }
            Instant until = lastActivity.plus(Duration.ofDays(run.retentionDays()));
            if (now.isBefore(until)) {
                return new RunRetention.KeptUntil(until);
            }
            if (!drop(c, run, now)) {
                // an outcome stored between the two reads: look again after its retention
                return new RunRetention.KeptUntil(now.plus(Duration.ofDays(run.retentionDays())));
            }
            LOG.info(
                    "dropped the per-domain outcomes of run '{}' (id {}): its retention of {} days"
                            + " ended; its counters are kept",
                    run.name(),
                    run.runId(),
                    run.retentionDays());
            return new RunRetention.Dropped(now);
        }
    }

    private static Instant newestOutcome(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT max(resolved_at) FROM dnsx_domain_outcomes WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    /** Drops the outcomes of every run whose retention ended at {@code now}; returns those runs. */
    public static List<Dropped> dropExpired(DataSource dataSource, Instant now)
            throws SQLException {
        List<Dropped> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Dropped candidate : candidates(c, now)) {
                if (drop(c, candidate, now)) {
                    LOG.info(
                            "dropped the per-domain outcomes of run '{}' (id {}): its retention of {} days ended;"
                                    + " its counters are kept",
                            candidate.name(),
                            candidate.runId(),
                            candidate.retentionDays());
                    dropped.add(candidate);
                }
            }
        }
        return dropped;
    }

    /**
     * Runs with a retention that finished publishing longer ago than it: the cheap first filter.
     * Runs are few, so the window is applied here rather than written in SQL a second time.
     */
    private static List<Dropped> candidates(Connection c, Instant now) throws SQLException {
        List<Dropped> out = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT id, name, outcome_retention_days,"
                                        + " coalesce(publish_finished_at, updated_at) FROM dnsx_runs"
                                        + " WHERE outcome_retention_days IS NOT NULL AND outcomes_dropped_at IS NULL"
                                        + " AND state IN ('published', 'failed')"
                                        + " ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Dropped run = new Dropped(rs.getLong(1), rs.getString(2), rs.getInt(3));
                if (rs.getTimestamp(4).toInstant().isBefore(run.keepsSince(now))) {
                    out.add(run);
                }
            }
        }
        return out;
    }

    /**
     * Drops one run's outcomes, unless a worker stored one within the retention (a run may resolve
     * long after its publisher finished). The partition is detached CONCURRENTLY before it is
     * dropped: a plain DROP would lock the whole outcome table, and wait behind every long read of
     * it with the workers' writes queued behind. Each step can be repeated, so a prune cut short is
     * finished by the next one.
     */
    private static boolean drop(Connection c, Dropped run, Instant now) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT 1 FROM dnsx_domain_outcomes"
                                + " WHERE run_id = ? AND resolved_at >= ? LIMIT 1")) {
            ps.setLong(1, run.runId());
            ps.setTimestamp(2, Timestamp.from(run.keepsSince(now)));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        String partition = "dnsx_domain_outcomes_r" + run.runId();
        Boolean detachPending = null;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT i.inhdetachpending FROM pg_inherits i"
                                + " WHERE i.inhrelid = to_regclass(?) AND i.inhparent = 'dnsx_domain_outcomes'::regclass")) {
            ps.setString(1, partition);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    detachPending = rs.getBoolean(1);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            if (detachPending != null) {
                // CONCURRENTLY came with PostgreSQL 14; before it, a short full lock is the only
                // way
                boolean concurrently = c.getMetaData().getDatabaseMajorVersion() >= 14;
                st.execute(
                        "ALTER TABLE dnsx_domain_outcomes DETACH PARTITION "
                                + partition
                                + (detachPending
                                        ? " FINALIZE"
                                        : concurrently ? " CONCURRENTLY" : ""));
            }
            st.execute("DROP TABLE IF EXISTS " + partition);
        }
        c.setAutoCommit(false);
        try {
            for (String sql :
                    List.of(
                            "DELETE FROM dnsx_run_members WHERE run_id = ?",
                            "DELETE FROM dnsx_invalid_names WHERE run_id = ?",
                            "UPDATE dnsx_runs SET outcomes_dropped_at = now() WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, run.runId());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
