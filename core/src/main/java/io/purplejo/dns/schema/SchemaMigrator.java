/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import io.purplejo.dns.db.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the current schema: applies the versioned scripts that are not applied yet,
 * each in its own transaction together with its row in {@code dnsx_schema_history}, under a
 * PostgreSQL advisory lock so that many workers starting at once apply each script exactly once.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /**
     * The advisory lock key: an arbitrary constant that only this project uses ("dnsx" in ASCII).
     */
    static final long LOCK_KEY = 0x646e_7378L;

    /** The scripts, in order. A new script is appended here and never edited after release. */
    static final List<String> SCRIPTS =
            List.of(
                    "V1__legacy_dns_tables.sql",
                    "V2__runs_and_outcomes.sql",
                    "V3__publisher_selection.sql",
                    "V4__run_identity.sql",
                    "V5__honest_outcomes.sql",
                    "V6__removed_records.sql",
                    "V7__outcomes_by_run.sql");

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies what is missing and checks the legacy tables; returns the versions applied by this
     * call.
     */
    public List<Integer> migrate() {
        return migrate(Integer.MAX_VALUE);
    }

    /**
     * Applies what is missing up to {@code version}: tests of a migration start from the schema
     * before it.
     */
    List<Integer> migrate(int version) {
        List<Migration> migrations =
                SCRIPTS.stream().map(Migration::load).filter(m -> m.version() <= version).toList();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                List<Integer> applied = applyMissing(c, migrations);
                LegacySchemaCheck.verify(c);
                return applied;
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("database schema migration failed: ", e);
        }
    }

    /**
     * A lost connection is an outage that a retry may get past; any other SQL failure is a schema
     * problem that it will not.
     */
    private static RuntimeException failure(String what, SQLException e) {
        if (DatabaseUnavailableException.lostConnection(e)) {
            return new DatabaseUnavailableException(
                    "PostgreSQL was lost while migrating the schema: " + e.getMessage(), e);
        }
        return new SchemaMigrationException(what + e.getMessage(), e);
    }

    private List<Integer> applyMissing(Connection c, List<Migration> migrations)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    """
                    CREATE TABLE IF NOT EXISTS dnsx_schema_history (
                        version     INTEGER PRIMARY KEY,
                        description TEXT        NOT NULL,
                        checksum    TEXT        NOT NULL,
                        applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
                    )""");
        }
        Map<Integer, String> done = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT version, checksum FROM dnsx_schema_history")) {
            while (rs.next()) {
                done.put(rs.getInt(1), rs.getString(2));
            }
        }
        int newest = migrations.get(migrations.size() - 1).version();
        for (int v : done.keySet()) {
            if (v > newest) {
                throw new SchemaMigrationException(
                        "the database schema is at version "
                                + v
                                + ", newer than this program knows ("
                                + newest
                                + "): upgrade the program");
            }
        }
        List<Integer> applied = new java.util.ArrayList<>();
        for (Migration m : migrations) {
            String checksum = m.checksum();
            String previous = done.get(m.version());
            if (previous != null) {
                if (!previous.equals(checksum)) {
                    throw new SchemaMigrationException(
                            "schema migration V"
                                    + m.version()
                                    + " ("
                                    + m.description()
                                    + ") was applied with a different script; the applied scripts must never change");
                }
                continue;
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(m.sql());
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO dnsx_schema_history (version, description, checksum) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setString(3, checksum);
                    ps.executeUpdate();
                }
                c.commit();
                applied.add(m.version());
                LOG.info("applied schema migration V{} ({})", m.version(), m.description());
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    // the connection is gone: the server rolls the transaction back itself
                    e.addSuppressed(rollbackFailed);
                }
                throw failure(
                        "schema migration V"
                                + m.version()
                                + " ("
                                + m.description()
                                + ") failed and was rolled back: ",
                        e);
            } finally {
                c.setAutoCommit(true);
            }
        }
        return applied;
    }
}
