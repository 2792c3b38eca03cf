/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;

/** The phase a run moves to, with the reason shown in its status and events. */
public record PhaseDecision(RunPhase phase, String reason, String message) {
    /** The reason of the move out of Failed that {@code spec.retry} asks for. */
    public static final String RETRY_REQUESTED = "RetryRequested";

    /** The reason a run fails when no published domain got a definite answer. */
    public static final String NOTHING_RESOLVED = "NothingResolved";

    /** Whether this decision starts a new attempt of a Failed run. */
    public boolean retrying() {
        return RETRY_REQUESTED.equals(reason);
    }
}
