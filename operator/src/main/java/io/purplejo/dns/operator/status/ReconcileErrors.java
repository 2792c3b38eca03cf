/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts reconciliations that threw, by kind, from the operator's start: registered at zero, so
 * that an alert on its rate has a series before the first error (JOSDK's own failure counters
 * appear only with the first failure).
 */
public final class ReconcileErrors {
    private final Counter runs;

    public ReconcileErrors(MeterRegistry registry) {
        runs =
                Counter.builder("dnsx_reconcile_errors")
                        .description("reconciliations that threw; JOSDK retries them with backoff")
                        .tag("kind", "DnsExtractionRun")
                        .register(registry);
    }

    /** A reconciliation of a run threw. */
    public void run() {
        runs.increment();
    }
}
