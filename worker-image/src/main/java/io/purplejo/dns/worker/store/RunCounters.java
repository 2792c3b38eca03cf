/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.outcome.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** The run counters a batch moves: added to this worker's shard of each (run, outcome) row. */
public final class RunCounters {
    /**
     * Rows per run and outcome in {@code dnsx_run_counters}: each worker adds to one of them, so
     * that many workers never queue on one counter row; readers sum them all.
     */
    public static final int COUNTER_SHARDS = 16;

    private RunCounters() {}

    /** The counter shard of a worker: spread by its id, the same after a restart. */
    public static int counterShardOf(String workerId) {
        return Math.floorMod(workerId.hashCode(), COUNTER_SHARDS);
    }

    static void add(Connection c, int counterShard, Map<Long, Map<Outcome, Long>> deltas)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_run_counters (run_id, shard, outcome, domains) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (run_id, shard, outcome) DO UPDATE"
                                + " SET domains = dnsx_run_counters.domains + EXCLUDED.domains")) {
            boolean any = false;
            for (Map.Entry<Long, Map<Outcome, Long>> run : deltas.entrySet()) {
                for (Map.Entry<Outcome, Long> e : new TreeMap<>(run.getValue()).entrySet()) {
                    ps.setLong(1, run.getKey());
                    ps.setShort(2, (short) counterShard);
                    ps.setString(3, e.getKey().dbName());
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }
}
