/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The planner's statistics of the extraction tables, brought up to date before a run selects its
 * domains. A selection planned on tables never analysed (a list just loaded, records an interrupted
 * run wrote into an embedded PostgreSQL that stopped before autovacuum came by) can take a nested
 * loop that costs seconds per thousand names; and autovacuum never analyses a partitioned table
 * itself (the outcomes by run), only its partitions.
 */
public final class TableStatistics {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(TableStatistics.class);

    /**
     * The tables of the schema never analysed, or changed by more than autovacuum's default share
     * (10% and 50 rows) since; and the partitioned tables, whose own statistics only ANALYZE keeps.
     */
    private static final String STALE =
            "SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables"
                    + " WHERE schemaname = current_schema()"
                    + " AND (coalesce(last_analyze, last_autoanalyze) IS NULL"
                    + " OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)"
                    + " UNION"
                    + " SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'p' AND n.nspname = current_schema()"
                    + " ORDER BY 1";

    private TableStatistics() {}

    /** Analyses the stale tables; returns their names, schema-qualified. */
    public static List<String> refresh(DataSource database) throws SQLException {
        long started = System.nanoTime();
        List<String> stale = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(STALE)) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String table : stale) {
                st.execute("ANALYZE " + table); // a name PostgreSQL quoted itself, with format %I
            }
        }
        if (!stale.isEmpty()) {
            LOG.info(
                    "analysed {} tables in {} ms: {}",
                    stale.size(),
                    (System.nanoTime() - started) / 1_000_000,
                    stale);
        }
        return stale;
    }
}
