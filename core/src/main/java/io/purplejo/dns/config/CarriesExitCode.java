/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

/**
 * A failure that knows the exit code ({@link ExitCodes}) a command ends with when it stops on it,
 * so that every command maps the same failure to the same code.
 */
public interface CarriesExitCode {
    /** The code of {@link ExitCodes} this failure ends a command with. */
    int exitCode();
}
