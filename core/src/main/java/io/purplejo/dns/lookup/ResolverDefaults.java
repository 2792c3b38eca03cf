/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.lookup;

/**
 * How the resolver behaves unless told otherwise. The resolver owns these; the command-line options
 * and the CRD's defaults read them from here (core, because the operator sets the options on the
 * pods it runs and cannot see the worker).
 */
public final class ResolverDefaults {
    /** Seconds one DNS query waits for its answer (the legacy worker's). */
    public static final double TIMEOUT_SECONDS = 1.0;

    /** Retries of a query: three attempts in all. */
    public static final int RETRIES = 2;

    /** Queries in flight per resolver at most. */
    public static final int WINDOW = 2000;

    /** UDP sockets: four random source ports. */
    public static final int SOCKETS = 4;

    private ResolverDefaults() {}
}
