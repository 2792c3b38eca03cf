/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import io.purplejo.dns.config.CarriesExitCode;
import io.purplejo.dns.config.ExitCodes;

/**
 * The database could not be brought to the schema this program needs, for a reason a retry does not
 * cure (a newer or edited schema, missing indexes, a refused statement); the message says why. A
 * connection lost on the way is a {@link io.purplejo.dns.db.DatabaseUnavailableException} instead.
 */
public class SchemaMigrationException extends RuntimeException implements CarriesExitCode {
    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database must be fixed or the program upgraded: waiting does not help. */
    @Override
    public int exitCode() {
        return ExitCodes.CONFIGURATION;
    }
}
