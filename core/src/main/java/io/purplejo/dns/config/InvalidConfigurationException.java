/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

/**
 * A setting that cannot be used; the message names the setting and the problem and never holds a
 * secret.
 */
public class InvalidConfigurationException extends RuntimeException implements CarriesExitCode {
    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fixing the configuration is the cure, not a retry. */
    @Override
    public int exitCode() {
        return ExitCodes.CONFIGURATION;
    }
}
