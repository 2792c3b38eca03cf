/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.progress;

import io.purplejo.dns.outcome.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads a run's progress from its row and its sharded counters: a handful of rows whatever the size
 * of the run, so the operator can poll it every few seconds.
 */
public final class RunProgressQuery {
    private final DataSource dataSource;

    public RunProgressQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The progress of the run with this name (a run without a resource uid), or empty when there is
     * none yet.
     */
    public Optional<RunProgress> byName(String runName) throws SQLException {
        return read("name = ? AND resource_uid IS NULL", runName);
    }

    /**
     * The progress of the run of this DnsExtractionRun instance ({@code metadata.uid}), or empty
     * when none yet.
     */
    public Optional<RunProgress> byResourceUid(String uid) throws SQLException {
        return read("resource_uid = ?", uid);
    }

    private Optional<RunProgress> read(String where, String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long runId;
            String state;
            Long total;
            long published;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT id, state, total, published FROM dnsx_runs WHERE " + where)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    runId = rs.getLong(1);
                    state = rs.getString(2);
                    long t = rs.getLong(3);
                    total = rs.wasNull() ? null : t;
                    published = rs.getLong(4);
                }
            }
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT outcome, sum(domains) FROM dnsx_run_counters WHERE run_id = ? GROUP BY outcome")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outcomes.put(Outcome.fromDbName(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return Optional.of(new RunProgress(runId, state, total, published, outcomes));
        }
    }
}
