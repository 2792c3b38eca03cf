/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.TypeAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.Type;

/**
 * Record rows of a batch: every value into its legacy table by upsert on the table's unique index,
 * an authoritative answer replacing its type's set, and values too large for a legacy column whole
 * into {@code dnsx_oversized_records}; in key order, so that concurrent workers cannot deadlock.
 */
final class RecordRows {
    private RecordRows() {}

    /** Rows of one legacy table: sorted, unique. */
    private static final class TableRows {
        final TreeSet<List<Object>> rows = new TreeSet<>(RecordRows::compareRows);

        void add(Object... values) {
            rows.add(List.of(values));
        }

        /** The rows as SQL arrays: the domain ids, then each of the table's columns. */
        Array[] arrays(Connection c, LegacyTable table) throws SQLException {
            Array[] out = new Array[table.types.size() + 1];
            out[0] = c.createArrayOf("int4", column(0));
            for (int i = 0; i < table.types.size(); i++) {
                out[i + 1] = c.createArrayOf(table.types.get(i), column(i + 1));
            }
            return out;
        }

        Object[] column(int i) {
            Object[] out = new Object[rows.size()];
            int k = 0;
            for (List<Object> r : rows) {
                out[k++] = r.get(i);
            }
            return out;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareRows(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int write(Connection c, Map<Integer, ResolvedDomain> domains) throws SQLException {
        Map<LegacyTable, TableRows> rows = new EnumMap<>(LegacyTable.class);
        // (domain, run) pairs whose set of a type an authoritative answer replaces
        Map<LegacyTable, TableRows> authoritative = new EnumMap<>(LegacyTable.class);
        for (LegacyTable t : LegacyTable.values()) {
            rows.put(t, new TableRows());
            authoritative.put(t, new TableRows());
        }
        List<Oversized> oversized = new ArrayList<>();

        for (Map.Entry<Integer, ResolvedDomain> e : domains.entrySet()) {
            int id = e.getKey();
            DomainResolution r = e.getValue().resolution();
            for (TypeAnswer answer : r.answers().values()) {
                // records, no data or NXDOMAIN say what the set is now; a failure says nothing
                // about it
                if (!answer.outcome().failed()) {
                    authoritative.get(LegacyTable.of(answer.type())).add(id, e.getValue().runId());
                }
            }
            for (String target : r.cnameTargets()) {
                rows.get(LegacyTable.CNAME).add(id, target);
            }
            for (TypeAnswer answer : r.answers().values()) {
                List<String> values = answer.values();
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    switch (answer.type()) {
                        case Type.A -> rows.get(LegacyTable.A).add(id, v);
                        case Type.AAAA -> rows.get(LegacyTable.AAAA).add(id, v);
                        case Type.NS -> rows.get(LegacyTable.NS).add(id, v);
                        case Type.MX -> {
                            int space = v.indexOf(' ');
                            rows.get(LegacyTable.MX)
                                    .add(
                                            id,
                                            v.substring(space + 1),
                                            Integer.parseInt(v.substring(0, space)));
                        }
                        case Type.SOA -> {
                            if (ValuePlacement.fitsLegacyColumn(v, ValuePlacement.VARCHAR_255)) {
                                rows.get(LegacyTable.SOA).add(id, v);
                            } else {
                                oversized.add(
                                        Oversized.of(
                                                id, "SOA", v.getBytes(StandardCharsets.UTF_8), v));
                            }
                        }
                        case Type.TXT -> {
                            if (ValuePlacement.fitsLegacyColumn(
                                    v, ValuePlacement.TXT_COLUMN_CHARS)) {
                                rows.get(LegacyTable.TXT).add(id, v);
                            } else {
                                oversized.add(
                                        Oversized.of(id, "TXT", answer.rawValues().get(i), v));
                            }
                        }
                        default -> {} // CNAME values are the cnameTargets above
                    }
                }
            }
        }
        int n = 0;
        for (Map.Entry<LegacyTable, TableRows> t : rows.entrySet()) {
            LegacyTable table = t.getKey();
            TableRows kept = t.getValue();
            if (kept.rows.isEmpty() && authoritative.get(table).rows.isEmpty()) {
                continue;
            }
            // encoded once, bound to both statements: encoding is a tenth of the worker's time
            Array[] keptColumns = kept.arrays(c, table);
            replace(c, table, authoritative.get(table), keptColumns);
            n += upsert(c, table, kept.rows.size(), keptColumns);
        }
        replaceOversized(c, authoritative, oversized);
        n += writeOversized(c, oversized);
        return n;
    }

    /**
     * Moves the rows of the authoritative (domain, type) sets that the new rows no longer hold to
     * the history.
     */
    private static void replace(
            Connection c, LegacyTable table, TableRows authoritative, Array[] kept)
            throws SQLException {
        if (authoritative.rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(table.replaceSql())) {
            ps.setArray(1, c.createArrayOf("int4", authoritative.column(0)));
            ps.setArray(2, c.createArrayOf("int8", authoritative.column(1)));
            for (int i = 0; i < kept.length; i++) {
                ps.setArray(i + 3, kept[i]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * The same for values kept whole outside the legacy tables (SOA and TXT), matched by their
     * SHA-256.
     */
    private static void replaceOversized(
            Connection c, Map<LegacyTable, TableRows> authoritative, List<Oversized> kept)
            throws SQLException {
        List<Object> domainIds = new ArrayList<>();
        List<Object> runIds = new ArrayList<>();
        List<Object> types = new ArrayList<>();
        for (LegacyTable t : List.of(LegacyTable.SOA, LegacyTable.TXT)) {
            for (List<Object> row : authoritative.get(t).rows) {
                domainIds.add(row.get(0));
                runIds.add(row.get(1));
                types.add(t.name());
            }
        }
        if (domainIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "WITH authoritative AS (SELECT * FROM"
                                + " unnest(?::int4[], ?::int8[], ?::text[]) AS a(domain_id, run_id, record_type)),"
                                + " kept AS (SELECT domain_id, record_type, decode(sha_hex, 'hex') AS sha FROM"
                                + " unnest(?::int4[], ?::text[], ?::text[]) AS k(domain_id, record_type, sha_hex)),"
                                + " stale AS (DELETE FROM dnsx_oversized_records o USING authoritative a"
                                + " WHERE o.domain_id = a.domain_id AND o.record_type = a.record_type AND NOT EXISTS (SELECT 1 FROM kept k"
                                + " WHERE k.domain_id = o.domain_id AND k.record_type = o.record_type AND k.sha = o.value_sha256)"
                                + " RETURNING o.domain_id, o.record_type, coalesce(o.value_text, encode(o.value_bytes, 'base64')) AS value,"
                                + " o.updated_at, a.run_id)"
                                + " INSERT INTO dnsx_removed_records (domain_id, record_type, value, last_seen, removed_at, run_id)"
                                + " SELECT domain_id, record_type, value, updated_at, now(), run_id FROM stale")) {
            ps.setArray(1, c.createArrayOf("int4", domainIds.toArray()));
            ps.setArray(2, c.createArrayOf("int8", runIds.toArray()));
            ps.setArray(3, c.createArrayOf("text", types.toArray()));
            ps.setArray(
                    4, c.createArrayOf("int4", kept.stream().map(Oversized::domainId).toArray()));
            ps.setArray(5, c.createArrayOf("text", kept.stream().map(Oversized::type).toArray()));
            ps.setArray(
                    6,
                    c.createArrayOf(
                            "text",
                            kept.stream()
                                    .map(o -> java.util.HexFormat.of().formatHex(o.sha256()))
                                    .toArray()));
            ps.executeUpdate();
        }
    }

    private static int upsert(Connection c, LegacyTable table, int rows, Array[] columns)
            throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(table.upsertSql())) {
            for (int i = 0; i < columns.length; i++) {
                ps.setArray(i + 1, columns[i]);
            }
            ps.executeUpdate();
        }
        return rows;
    }

    /** A value kept whole outside its legacy table. */
    private record Oversized(
            int domainId, String type, byte[] sha256, byte[] bytes, String text, String reason) {
        static Oversized of(int domainId, String type, byte[] bytes, String text) {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Oversized(
                        domainId, type, sha, bytes, text, text == null ? "not_text" : "too_long");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String key() {
            return domainId + "/" + type + "/" + java.util.HexFormat.of().formatHex(sha256);
        }
    }

    private static int writeOversized(Connection c, List<Oversized> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        Map<String, Oversized> unique = new TreeMap<>();
        for (Oversized o : values) {
            unique.put(o.key(), o);
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_oversized_records (domain_id, record_type, value_sha256, value_bytes, value_text,"
                                + " reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, now())"
                                + " ON CONFLICT (domain_id, record_type, value_sha256) DO UPDATE SET updated_at = EXCLUDED.updated_at")) {
            for (Oversized o : unique.values()) {
                ps.setInt(1, o.domainId());
                ps.setString(2, o.type());
                ps.setBytes(3, o.sha256());
                ps.setBytes(4, o.bytes());
                ps.setString(5, o.text());
                ps.setString(6, o.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return unique.size();
    }
}
