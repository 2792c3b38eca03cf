package io.purplejo.dns.worker.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The legacy record tables: which table and columns hold each record type, the one upsert they all take (a
 * multi-row insert from arrays, which on a clash with the table's unique index only refreshes
 * {@code updated_at}), and how a domain's rows are read back.
 */
public enum LegacyTable {
    A("a_records", true, List.of("ip_address"), List.of("text")),
    AAAA("aaaa_records", true, List.of("ip_address"), List.of("text")),
    NS("ns_records", false, List.of("value"), List.of("text")),
    SOA("soa_records", false, List.of("value"), List.of("text")),
    MX("mx_records", false, List.of("exchange", "priority"), List.of("text", "int4")),
    CNAME("cname_records", false, List.of("target"), List.of("text")),
    TXT("txt_records", false, List.of("content"), List.of("text"));

    /** Array element types of the columns after domain_id, in unique-index order. */
    final List<String> types;
    private final String sql;
    private final String selectSql;

    LegacyTable(String table, boolean hasCreatedAt, List<String> columns, List<String> types) {
        this.types = types;
        String key = "domain_id, " + String.join(", ", columns);
        String arrays = "?::int4[], " + types.stream().map(t -> "?::" + t + "[]").collect(Collectors.joining(", "));
        String aliases = "d, " + String.join(", ", columns);
        String stamps = hasCreatedAt ? "now(), now()" : "now()";
        this.sql = "INSERT INTO " + table + " (" + key + (hasCreatedAt ? ", created_at" : "") + ", updated_at)"
                + " SELECT " + aliases + ", " + stamps + " FROM unnest(" + arrays + ") AS t(" + aliases + ")"
                + " ON CONFLICT (" + key + ") DO UPDATE SET updated_at = EXCLUDED.updated_at";
        // MX as its presentation form "priority exchange"; every other type has one column
        String value = columns.size() == 1 ? columns.get(0) + "::text"
                : columns.get(1) + "::text || ' ' || " + columns.get(0);
        this.selectSql = "SELECT " + value + ", updated_at FROM " + table + " WHERE domain_id = ? ORDER BY 1";
    }

    /** Reads a domain's rows: the value as text (MX as "priority exchange") and {@code updated_at}. */
    public String selectSql() {
        return selectSql;
    }

    String upsertSql() {
        return sql;
    }
}
