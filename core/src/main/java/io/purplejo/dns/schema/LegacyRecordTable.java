/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import java.util.List;
import java.util.stream.Stream;

/**
 * The seven record tables of the legacy schema, the one list of them: each one's name and the
 * columns after {@code domain_id} of the unique index that an extraction's upserts conflict on. The
 * schema check, the fill factor, the publisher's "extracted before" test and the worker's store all
 * read it.
 */
public enum LegacyRecordTable {
    A("a_records", "ip_address"),
    AAAA("aaaa_records", "ip_address"),
    NS("ns_records", "value"),
    SOA("soa_records", "value"),
    MX("mx_records", "exchange", "priority"),
    CNAME("cname_records", "target"),
    TXT("txt_records", "content");

    private final String tableName;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> valueColumns;

    LegacyRecordTable(String tableName, String... valueColumns) {
        this.tableName = tableName;
        this.valueColumns = List.of(valueColumns);
    }

    /** The table's name in the legacy schema. */
    public String tableName() {
        return tableName;
    }

    /** The unique index's columns after {@code domain_id}, in index order. */
    public List<String> valueColumns() {
        return valueColumns;
    }

    /** The unique index's columns: {@code domain_id}, then {@link #valueColumns()}. */
    public List<String> uniqueKey() {
        return Stream.concat(Stream.of("domain_id"), valueColumns.stream()).toList();
    }
}
