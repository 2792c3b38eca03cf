/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.outcome;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a lookup ended, for one record type or, combined, for a whole domain. The database spelling
 * is {@link #dbName()}; a failed outcome is one a later run may want to retry.
 */
public enum Outcome {
    /** At least one record was found. */
    RESOLVED(false),
    /** The name exists but has no record of the type (NOERROR, empty answer). */
    NO_DATA(false),
    /** The name does not exist. */
    NXDOMAIN(false),
    SERVFAIL(true),
    REFUSED(true),
    /** No answer came within the attempts and the deadline. */
    TIMEOUT(true),
    /** The name is not a valid domain name; nothing was queried. */
    INVALID(true),
    /**
     * The CNAME chain is longer than the limit, or loops: the records at its end were not taken.
     */
    CHAIN_TOO_LONG(true),
    /**
     * The answer was truncated even over TCP: the whole set could not be had, so none of it is
     * stored.
     */
    TRUNCATED(true),
    /** Answers came but could not be parsed (and no good one came). */
    MALFORMED(true);

    private final boolean failed;

    /** Made once: the writer and the metrics ask for it for every lookup. */
    private final String dbName;

    Outcome(boolean failed) {
        this.failed = failed;
        this.dbName = name().toLowerCase(Locale.ROOT);
    }

    public boolean failed() {
        return failed;
    }

    /**
     * Whether the domain was extracted: a definite answer (records, no data, NXDOMAIN). A failure
     * is not an extraction: the domain stays selectable by NeverExtracted and NotExtractedSince.
     */
    public boolean extracted() {
        return !failed;
    }

    /** The stored names of the outcomes that are an extraction, for SQL. */
    public static List<String> extractedDbNames() {
        return Arrays.stream(values()).filter(Outcome::extracted).map(Outcome::dbName).toList();
    }

    public String dbName() {
        return dbName;
    }

    public static Outcome fromDbName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
