package io.purplejo.dns.outcome;

import java.util.Locale;

/**
 * How a lookup ended, for one record type or, combined, for a whole domain. The database spelling is
 * {@link #dbName()}; a failed outcome is one a later run may want to retry.
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
    TIMEOUT(true),
    /** The name is not a valid domain name; nothing was queried. */
    INVALID(true);

    private final boolean failed;

    Outcome(boolean failed) {
        this.failed = failed;
    }

    public boolean failed() {
        return failed;
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromDbName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
