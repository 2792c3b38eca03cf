/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.PostgresDsn;
import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL answered and refused: the credentials, or the database the DSN names does not exist. A
 * configuration error, not an outage: waiting cannot cure it, so every component says so at once
 * (exit code 2) instead of retrying.
 */
public final class DatabaseRefusedException extends InvalidConfigurationException {
    /** Why the server refused, as SQLSTATE classes say it. */
    public enum Refusal {
        /**
         * 28P01, 28000: wrong password, unknown user, or pg_hba.conf rejects the connection; 08004:
         * the server asks for a password the DSN does not have.
         */
        CREDENTIALS,
        /** 3D000: the DSN's database does not exist. */
        NO_DATABASE
    }

    private final Refusal refusal;

    private DatabaseRefusedException(String message, Refusal refusal) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The refusal in this failure (the pool wraps the driver's), if it is one. */
    public static Optional<DatabaseRefusedException> from(Throwable failure, PostgresDsn dsn) {
        SQLException e = refusing(failure);
        if (e == null) {
            return Optional.empty();
        }
        Refusal r = refusalOf(e.getSQLState());
        // the server's message names the user or database, never the password
        String what =
                r == Refusal.CREDENTIALS
                        ? "refused the credentials of user '" + dsn.user() + "'"
                        : "has no database '" + dsn.database() + "'";
        return Optional.of(
                new DatabaseRefusedException(
                        "PostgreSQL at "
                                + dsn
                                + " "
                                + what
                                + ": "
                                + e.getMessage()
                                + " (a configuration error: fix the DSN or the server's"
                                + " users; retrying cannot help)",
                        r));
    }

    /** Whether this failure is a refusal (for callers that have no DSN at hand to name). */
    public static boolean refuses(Throwable failure) {
        return refusing(failure) != null;
    }

    /** The SQLException in the failure's causes whose SQLSTATE is a refusal, or null. */
    private static SQLException refusing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e
                    && e.getSQLState() != null
                    && refusalOf(e.getSQLState()) != null) {
                return e;
            }
        }
        return null;
    }

    /** The refusal an SQLSTATE means, or null for any other. */
    static Refusal refusalOf(String sqlState) {
        return switch (sqlState) {
            case "28P01", "28000", "08004" -> Refusal.CREDENTIALS;
            case "3D000" -> Refusal.NO_DATABASE;
            default -> null;
        };
    }
}
