/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import java.nio.charset.StandardCharsets;

/**
 * Decides where a record value goes: its legacy column when it fits whole, else {@code
 * dnsx_oversized_records}. Nothing is ever truncated. Besides the column's declared length, a value
 * must stay small enough in bytes for the legacy unique B-tree index (PostgreSQL refuses index
 * entries over about 2,700 bytes), so a 1,000-character TXT value of multi-byte characters goes to
 * the oversized table too.
 */
final class ValuePlacement {
    /** Bytes a legacy index entry may safely hold, leaving room for the other key columns. */
    static final int MAX_INDEXED_BYTES = 2000;

    private ValuePlacement() {}

    /**
     * Whether a text value fits a legacy VARCHAR(maxChars) column that is part of a unique index.
     */
    static boolean fitsLegacyColumn(String value, int maxChars) {
        if (value == null) {
            return false;
        }
        return value.codePointCount(0, value.length()) <= maxChars
                && value.getBytes(StandardCharsets.UTF_8).length <= MAX_INDEXED_BYTES;
    }
}
