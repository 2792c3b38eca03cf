/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opt-in fill factor of the legacy tables that every extraction updates ({@code migrate
 * --fillfactor}): free room on each page lets PostgreSQL update {@code updated_at} in place (a HOT
 * update, no new index entries) instead of moving the row.
 */
final class FillFactor {
    /** PostgreSQL's own fill factor for tables: pages are filled completely. */
    static final int POSTGRES_DEFAULT = 100;

    /** The tables an extraction updates: {@code domains} and the seven record tables. */
    static final List<String> TABLES = List.copyOf(LegacySchemaCheck.UNIQUE_KEYS.keySet());

    private FillFactor() {}

    /**
     * The statements that give every table of {@link #TABLES} the fill factor {@code percent};
     * PostgreSQL's default is set by removing the parameter, as a table that never had one.
     */
    static List<String> statements(int percent) {
        if (percent < 10 || percent > POSTGRES_DEFAULT) {
            throw new IllegalArgumentException("a table's fill factor is 10 to 100: " + percent);
        }
        List<String> sql = new ArrayList<>();
        for (String table : TABLES) {
            sql.add(
                    percent == POSTGRES_DEFAULT
                            ? "ALTER TABLE " + table + " RESET (fillfactor)"
                            : "ALTER TABLE " + table + " SET (fillfactor = " + percent + ")");
        }
        return sql;
    }

    /** Each table's fill factor now, {@link #POSTGRES_DEFAULT} where none is set. */
    static Map<String, Integer> read(Connection c) throws SQLException {
        Map<String, Integer> now = new LinkedHashMap<>();
        String sql =
                """
                SELECT coalesce((SELECT split_part(o, '=', 2)::int FROM unnest(c.reloptions) o
                                  WHERE o LIKE 'fillfactor=%'), ?)
                  FROM pg_class c WHERE c.oid = to_regclass(?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String table : TABLES) {
                ps.setInt(1, POSTGRES_DEFAULT);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        now.put(table, rs.getInt(1));
                    }
                }
            }
        }
        return now;
    }

    /** Sets the fill factor of every table in one transaction; returns each table's former one. */
    static Map<String, Integer> apply(Connection c, int percent) throws SQLException {
        List<String> sql = statements(percent);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            Map<String, Integer> before = read(c);
            for (String s : sql) {
                st.execute(s);
            }
            c.commit();
            return before;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
