/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.schema.LegacyRecordTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.Type;

/**
 * The legacy record tables as the worker writes them, the one owner of the type-to-table mapping
 * (the tables and their key columns are core's {@link LegacyRecordTable}): which table holds each
 * record type, the key columns' array types, how long a value they take, the one upsert they all
 * take (a multi-row insert from arrays, which on a clash with the table's unique index only
 * refreshes {@code updated_at}), how a domain's set of a type is replaced by a new one (the rows it
 * no longer holds move to {@code dnsx_removed_records}), and how a domain's rows are read back.
 */
public enum LegacyTable {
    A(LegacyRecordTable.A, Type.A, 64, true, List.of("text")),
    AAAA(LegacyRecordTable.AAAA, Type.AAAA, 128, true, List.of("text")),
    NS(LegacyRecordTable.NS, Type.NS, 255, false, List.of("text")),
    SOA(LegacyRecordTable.SOA, Type.SOA, 255, false, List.of("text")),
    MX(LegacyRecordTable.MX, Type.MX, 255, false, List.of("text", "int4")),
    CNAME(LegacyRecordTable.CNAME, Type.CNAME, 255, false, List.of("text")),
    TXT(LegacyRecordTable.TXT, Type.TXT, 1000, false, List.of("text"));

    /** The record type (dnsjava's code) the table holds. */
    final int dnsType;

    /** The declared length of the table's text column (VARCHAR(n)). */
    private final int columnChars;

    /** Array element types of the columns after domain_id, in unique-index order. */
    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: unmodifiable
    final List<String> types;

    private final String sql;
    private final String selectSql;
    private final String replaceSql;

    LegacyTable(
            LegacyRecordTable legacy,
            int dnsType,
            int columnChars,
            boolean hasCreatedAt,
            List<String> types) {
        String table = legacy.tableName();
        List<String> columns = legacy.valueColumns();
        this.dnsType = dnsType;
        this.columnChars = columnChars;
        this.types = List.copyOf(types);
        String key = "domain_id, " + String.join(", ", columns);
        String arrays =
                "?::int4[], "
                        + types.stream()
                                .map(t -> "?::" + t + "[]")
                                .collect(Collectors.joining(", "));
        String aliases = "d, " + String.join(", ", columns);
        String stamps = hasCreatedAt ? "now(), now()" : "now()";
        this.sql =
                "INSERT INTO "
                        + table
                        + " ("
                        + key
                        + (hasCreatedAt ? ", created_at" : "")
                        + ", updated_at)"
                        + " SELECT "
                        + aliases
                        + ", "
                        + stamps
                        + " FROM unnest("
                        + arrays
                        + ") AS t("
                        + aliases
                        + ")"
                        + " ON CONFLICT ("
                        + key
                        + ") DO UPDATE SET updated_at = EXCLUDED.updated_at";
        this.selectSql =
                "SELECT "
                        + presentation(columns, "")
                        + ", updated_at FROM "
                        + table
                        + " WHERE domain_id = ? ORDER BY 1";
        String keptColumns = "domain_id, " + String.join(", ", columns);
        String sameRow =
                columns.stream()
                        .map(col -> "k." + col + " = t." + col)
                        .collect(Collectors.joining(" AND "));
        this.replaceSql =
                "WITH authoritative AS (SELECT * FROM unnest(?::int4[], ?::int8[]) AS a(domain_id, run_id)),"
                        + " kept AS (SELECT * FROM unnest("
                        + arrays
                        + ") AS k("
                        + keptColumns
                        + ")),"
                        + " stale AS (DELETE FROM "
                        + table
                        + " t USING authoritative a WHERE t.domain_id = a.domain_id"
                        + " AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.domain_id = t.domain_id AND "
                        + sameRow
                        + ")"
                        + " RETURNING t.domain_id, "
                        + presentation(columns, "t.")
                        + " AS value, t.updated_at, a.run_id)"
                        + " INSERT INTO dnsx_removed_records (domain_id, record_type, value, last_seen, removed_at, run_id)"
                        + " SELECT domain_id, '"
                        + name()
                        + "', value, updated_at, now(), run_id FROM stale";
    }

    /**
     * A row's value as text: MX as its presentation form "priority exchange"; every other type has
     * one column.
     */
    private static String presentation(List<String> columns, String alias) {
        return columns.size() == 1
                ? alias + columns.get(0) + "::text"
                : alias + columns.get(1) + "::text || ' ' || " + alias + columns.get(0);
    }

    /**
     * Replaces the sets of the given (domain, run) pairs with the kept rows (same arrays as the
     * upsert): parameters 1-2 the authoritative domain ids and their runs, then the kept rows'
     * columns.
     */
    String replaceSql() {
        return replaceSql;
    }

    /**
     * Reads a domain's rows: the value as text (MX as "priority exchange") and {@code updated_at}.
     */
    public String selectSql() {
        return selectSql;
    }

    String upsertSql() {
        return sql;
    }

    /**
     * Whether a value fits this table's text column whole; one that does not is kept in {@code
     * dnsx_oversized_records} instead, never truncated.
     */
    boolean holds(RecordValue value) {
        return ValuePlacement.fitsLegacyColumn(columnText(value), columnChars);
    }

    /** The text column's value: MX's exchange, every other type's canonical text. */
    static String columnText(RecordValue value) {
        return value instanceof RecordValue.MailExchange mx ? mx.exchange() : value.text();
    }

    /** The value's bytes exactly as received: TXT's own bytes, every other type's text. */
    static byte[] bytes(RecordValue value) {
        return value instanceof RecordValue.Text txt
                ? txt.bytes()
                : value.text().getBytes(StandardCharsets.UTF_8);
    }

    /** The table of a record type (dnsjava's code). */
    static LegacyTable of(int dnsType) {
        for (LegacyTable t : values()) {
            if (t.dnsType == dnsType) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "no legacy table holds record type " + Type.string(dnsType));
    }
}
