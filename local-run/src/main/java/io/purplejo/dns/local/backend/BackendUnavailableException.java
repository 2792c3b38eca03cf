/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import io.purplejo.dns.config.CarriesExitCode;
import io.purplejo.dns.config.ExitCodes;

/**
 * An embedded or given backend that could not be started or reached; carries which one, for the
 * exit code.
 */
public final class BackendUnavailableException extends RuntimeException implements CarriesExitCode {
    private static final long serialVersionUID = 1L;

    /** Which backend failed. */
    public enum Backend {
        DATABASE(ExitCodes.DATABASE),
        BROKER(ExitCodes.BROKER);

        private final int exitCode;

        Backend(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Backend backend;

    public BackendUnavailableException(Backend backend, String message, Throwable cause) {
        super(message, cause);
        this.backend = backend;
    }

    @Override
    public int exitCode() {
        return backend.exitCode();
    }

    public Backend backend() {
        return backend;
    }
}
