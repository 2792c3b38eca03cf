/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every command of the project shares, so that a Job's podFailurePolicy and a script
 * can tell a configuration error, which no retry cures, from a service that was unavailable.
 */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;

    /** Stopped or failed for a reason of its own (interrupted, an unexpected error). */
    public static final int OTHER = 1;

    /**
     * A bad option, DSN, URL, selection or database: fix the configuration, retrying cannot help.
     */
    public static final int CONFIGURATION = 2;

    /** PostgreSQL could not be reached, was lost, or failed. */
    public static final int DATABASE = 3;

    /** RabbitMQ could not be reached, was lost, or did not confirm. */
    public static final int BROKER = 4;

    /** Stopped by Ctrl-C or SIGTERM before the end, as shells report a SIGINT (128 + 2). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    /** The exit codes as every command's help lists them: code, then what it means. */
    public static Map<String, String> list() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "done");
        codes.put(Integer.toString(OTHER), "failed or stopped");
        codes.put(
                Integer.toString(CONFIGURATION),
                "bad option, file or configuration (retrying cannot help)");
        codes.put(Integer.toString(DATABASE), "PostgreSQL unavailable");
        codes.put(Integer.toString(BROKER), "RabbitMQ unavailable");
        codes.put(Integer.toString(INTERRUPTED), "interrupted (Ctrl-C, SIGTERM)");
        return codes;
    }
}
