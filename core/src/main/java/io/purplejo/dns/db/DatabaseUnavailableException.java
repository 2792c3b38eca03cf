/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import io.purplejo.dns.config.CarriesExitCode;
import io.purplejo.dns.config.ExitCodes;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL could not be reached, or the connection was lost; the message names the server but
 * never the password.
 */
public class DatabaseUnavailableException extends RuntimeException implements CarriesExitCode {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An outage: the same work may succeed once PostgreSQL is back. */
    @Override
    public int exitCode() {
        return ExitCodes.DATABASE;
    }

    /**
     * Whether {@code e} says the connection failed rather than the statement: a connection
     * exception (SQLSTATE class 08), the server shutting down or not accepting connections yet
     * (57P01-57P03), no connection from the pool in time, or an I/O error underneath. A refusal
     * ({@link DatabaseRefusedException#refuses}: credentials, pg_hba.conf, no such database) is
     * not: it is a configuration error, whatever wraps it.
     */
    public static boolean lostConnection(SQLException e) {
        if (DatabaseRefusedException.refuses(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
