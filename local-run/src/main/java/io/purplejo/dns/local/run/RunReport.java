/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;

/**
 * How a local run ended: the status the resource would hold, and the command's exit code (0 only
 * when the run succeeded).
 */
public record RunReport(DnsExtractionRunStatus status, int exitCode) {
    public RunPhase phase() {
        return status.phase;
    }
}
