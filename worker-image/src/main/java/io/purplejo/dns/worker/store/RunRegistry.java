/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Knows which runs exist: a batch message naming an unknown run cannot be stored (its outcome would
 * have no run) and is dead-lettered; legacy messages, which name no run, belong to one pseudo-run
 * per queue, {@code legacy:<queue>}, created on first use.
 */
public final class RunRegistry {
    private final DataSource dataSource;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    private volatile Long legacyRunId;

    public RunRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean exists(long runId) throws SQLException {
        if (known.contains(runId)) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dnsx_runs WHERE id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    known.add(runId);
                    return true;
                }
                return false;
            }
        }
    }

    /**
     * The pseudo-run that records the outcomes of legacy single-domain messages from this queue.
     */
    public long legacyRun(String queue, List<String> recordTypes) throws SQLException {
        Long id = legacyRunId;
        if (id != null) {
            return id;
        }
        synchronized (this) {
            if (legacyRunId != null) {
                return legacyRunId;
            }
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "INSERT INTO dnsx_runs (name, record_types, state, publish_started_at)"
                                        + " VALUES (?, ?, 'publishing', now()) ON CONFLICT (name) WHERE resource_uid IS NULL DO NOTHING")) {
                    ps.setString(1, "legacy:" + queue);
                    ps.setArray(2, c.createArrayOf("text", recordTypes.toArray()));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT id FROM dnsx_runs WHERE name = ? AND resource_uid IS NULL")) {
                    ps.setString(1, "legacy:" + queue);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        legacyRunId = rs.getLong(1);
                    }
                }
            }
            known.add(legacyRunId);
            return legacyRunId;
        }
    }
}
