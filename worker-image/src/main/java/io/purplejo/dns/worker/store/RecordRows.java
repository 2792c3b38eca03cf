/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.resolve.TypeAnswer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Record rows of a batch: every value into its legacy table by upsert on the table's unique index,
 * an authoritative answer replacing its type's set, and values too large for a legacy column whole
 * into {@code dnsx_oversized_records}; in key order, so that concurrent workers cannot deadlock.
 */
final class RecordRows {
    private RecordRows() {}

    /**
     * One legacy row after its domain id: the text column and MX's preference (0 for the other
     * types), ordered as the tables' unique indexes are.
     */
    private record Row(int domainId, String text, int preference) implements Comparable<Row> {
        static Row of(int domainId, RecordValue value) {
            return new Row(
                    domainId,
                    LegacyTable.columnText(value),
                    value instanceof RecordValue.MailExchange mx ? mx.preference() : 0);
        }

        @Override
        public int compareTo(Row o) {
            int c = Integer.compare(domainId, o.domainId);
            if (c == 0) {
                c = text.compareTo(o.text);
            }
            return c != 0 ? c : Integer.compare(preference, o.preference);
        }
    }

    /** A domain whose set of a type an authoritative answer replaces, and the run that saw it. */
    private record ReplacedSet(int domainId, long runId) implements Comparable<ReplacedSet> {
        @Override
        public int compareTo(ReplacedSet o) {
            int c = Integer.compare(domainId, o.domainId);
            return c != 0 ? c : Long.compare(runId, o.runId);
        }
    }

    /**
     * A batch's rows of one legacy table and the sets they replace; sorted and made unique once,
     * before they are written (collected in lists: a sorted set costs more to fill and to walk).
     */
    private static final class TableBatch {
        final LegacyTable table;
        private List<Row> rows = new ArrayList<>();
        private List<ReplacedSet> replaced = new ArrayList<>();

        TableBatch(LegacyTable table) {
            this.table = table;
        }

        void add(Row row) {
            rows.add(row);
        }

        void replaces(ReplacedSet set) {
            replaced.add(set);
        }

        /** Sorts both lists and drops repeats; call once, after the last add. */
        void seal() {
            rows = sortedUnique(rows);
            replaced = sortedUnique(replaced);
        }

        /**
         * The rows as Java arrays, in the table's column order: domain ids, text, preference. The
         * driver sends them to PostgreSQL in its binary format, which neither side has to escape or
         * parse as text.
         */
        Object[] columns() {
            int n = rows.size();
            Object[] out = new Object[table.types.size() + 1];
            int[] ids = new int[n];
            String[] texts = new String[n];
            // only MX has a second column: its preference
            int[] preferences = out.length > 2 ? new int[n] : null;
            for (int k = 0; k < n; k++) {
                Row r = rows.get(k);
                ids[k] = r.domainId();
                texts[k] = r.text();
                if (preferences != null) {
                    preferences[k] = r.preference();
                }
            }
            out[0] = ids;
            out[1] = texts;
            if (preferences != null) {
                out[2] = preferences;
            }
            return out;
        }
    }

    private static <T extends Comparable<T>> List<T> sortedUnique(List<T> items) {
        if (items.size() < 2) {
            return items;
        }
        items.sort(null);
        List<T> out = new ArrayList<>(items.size());
        T last = null;
        for (T item : items) {
            if (last == null || item.compareTo(last) != 0) {
                out.add(item);
            }
            last = item;
        }
        return out;
    }

    static int write(Connection c, Map<Integer, ResolvedDomain> domains) throws SQLException {
        Map<LegacyTable, TableBatch> tables = new EnumMap<>(LegacyTable.class);
        for (LegacyTable t : LegacyTable.values()) {
            tables.put(t, new TableBatch(t));
        }
        List<Oversized> oversized = new ArrayList<>();
        for (Map.Entry<Integer, ResolvedDomain> e : domains.entrySet()) {
            int id = e.getKey();
            DomainResolution r = e.getValue().resolution();
            for (TypeAnswer answer : r.answers().values()) {
                TableBatch batch = tables.get(LegacyTable.of(answer.type()));
                // records, no data or NXDOMAIN say what the set is now; a failure says nothing
                // about it
                if (!answer.outcome().failed()) {
                    batch.replaces(new ReplacedSet(id, e.getValue().runId()));
                }
                if (batch.table != LegacyTable.CNAME) {
                    for (RecordValue v : answer.records()) {
                        place(batch, id, v, oversized);
                    }
                }
            }
            // the CNAME rows are the domain's own aliases, whichever type's answer showed them
            for (String target : r.cnameTargets()) {
                place(tables.get(LegacyTable.CNAME), id, new RecordValue.Host(target), oversized);
            }
        }
        int n = 0;
        for (TableBatch batch : tables.values()) {
            batch.seal();
        }
        for (TableBatch batch : tables.values()) {
            if (batch.rows.isEmpty() && batch.replaced.isEmpty()) {
                continue;
            }
            Object[] keptColumns = batch.columns();
            replace(c, batch, keptColumns);
            n += upsert(c, batch.table, batch.rows.size(), keptColumns);
        }
        replaceOversized(c, tables.values(), oversized);
        n += writeOversized(c, oversized);
        return n;
    }

    /** A value into its table's rows when it fits the legacy column, else kept whole apart. */
    private static void place(
            TableBatch batch, int domainId, RecordValue v, List<Oversized> apart) {
        if (batch.table.holds(v)) {
            batch.add(Row.of(domainId, v));
        } else {
            apart.add(Oversized.of(domainId, batch.table, v));
        }
    }

    /**
     * Moves the rows of the authoritative (domain, type) sets that the new rows no longer hold to
     * the history.
     */
    private static void replace(Connection c, TableBatch batch, Object[] kept) throws SQLException {
        if (batch.replaced.isEmpty()) {
            return;
        }
        int[] domainIds = new int[batch.replaced.size()];
        long[] runIds = new long[domainIds.length];
        int k = 0;
        for (ReplacedSet set : batch.replaced) {
            domainIds[k] = set.domainId();
            runIds[k++] = set.runId();
        }
        try (PreparedStatement ps = c.prepareStatement(batch.table.replaceSql())) {
            ps.setObject(1, domainIds);
            ps.setObject(2, runIds);
            for (int i = 0; i < kept.length; i++) {
                ps.setObject(i + 3, kept[i]);
            }
            ps.executeUpdate();
        }
    }

    /** The same for values kept whole outside the legacy tables, matched by their SHA-256. */
    private static void replaceOversized(
            Connection c, Collection<TableBatch> tables, List<Oversized> kept) throws SQLException {
        int sets = 0;
        for (TableBatch batch : tables) {
            sets += batch.replaced.size();
        }
        if (sets == 0) {
            return;
        }
        int[] domainIds = new int[sets];
        long[] runIds = new long[sets];
        String[] types = new String[sets];
        int k = 0;
        for (TableBatch batch : tables) {
            for (ReplacedSet set : batch.replaced) {
                domainIds[k] = set.domainId();
                runIds[k] = set.runId();
                types[k++] = batch.table.name();
            }
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
            ps.setObject(1, domainIds);
            ps.setObject(2, runIds);
            ps.setObject(3, types);
            ps.setObject(4, kept.stream().mapToInt(Oversized::domainId).toArray());
            ps.setObject(5, kept.stream().map(Oversized::type).toArray(String[]::new));
            ps.setObject(
                    6,
                    kept.stream()
                            .map(o -> java.util.HexFormat.of().formatHex(o.sha256()))
                            .toArray(String[]::new));
            ps.executeUpdate();
        }
    }

    private static int upsert(Connection c, LegacyTable table, int rows, Object[] columns)
            throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(table.upsertSql())) {
            for (int i = 0; i < columns.length; i++) {
                ps.setObject(i + 1, columns[i]);
            }
            ps.executeUpdate();
        }
        return rows;
    }

    /** A value kept whole outside its legacy table. */
    private record Oversized(
            int domainId, String type, byte[] sha256, byte[] bytes, String text, String reason) {
        static Oversized of(int domainId, LegacyTable table, RecordValue value) {
            byte[] bytes = LegacyTable.bytes(value);
            String text = value.text();
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Oversized(
                        domainId,
                        table.name(),
                        sha,
                        bytes,
                        text,
                        text == null ? "not_text" : "too_long");
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
