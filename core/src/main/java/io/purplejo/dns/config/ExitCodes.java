/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

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

    /** The exit codes as every command's help lists them. */
    public static String describe() {
        return "exit codes: "
                + OK
                + " done; "
                + OTHER
                + " failed or stopped; "
                + CONFIGURATION
                + " bad option, file or configuration (retrying cannot help); "
                + DATABASE
                + " PostgreSQL unavailable; "
                + BROKER
                + " RabbitMQ unavailable; "
                + INTERRUPTED
                + " interrupted (Ctrl-C, SIGTERM)\n";
    }
}
