/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the legacy tables of an existing database have what the workers' upserts rely on:
 * every unique index of the reference schema, on the same columns. A database that lacks one fails
 * at start with the list of what is missing, rather than in the middle of a run.
 */
final class LegacySchemaCheck {
    /** table -> columns of the unique index the upserts conflict on. */
    static final Map<String, List<String>> UNIQUE_KEYS = new LinkedHashMap<>();

    static {
        UNIQUE_KEYS.put("domains", List.of("name"));
        for (LegacyRecordTable t : LegacyRecordTable.values()) {
            UNIQUE_KEYS.put(t.tableName(), t.uniqueKey());
        }
    }

    private LegacySchemaCheck() {}

    static void verify(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        String sql =
                """
                SELECT array_agg(a.attname::text ORDER BY k.ord)
                  FROM pg_index i
                  JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indpred IS NULL
                 GROUP BY i.indexrelid""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, List<String>> e : UNIQUE_KEYS.entrySet()) {
                ps.setString(1, e.getKey());
                boolean found = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] cols = (String[]) rs.getArray(1).getArray();
                        if (List.of(cols).equals(e.getValue())) {
                            found = true;
                        }
                    }
                }
                if (!found) {
                    missing.add(e.getKey() + "(" + String.join(", ", e.getValue()) + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaMigrationException(
                    "the legacy tables lack unique indexes that the extraction"
                            + " relies on: "
                            + String.join("; ", missing)
                            + ". Create them as in the reference legacy schema before starting.");
        }
    }
}
