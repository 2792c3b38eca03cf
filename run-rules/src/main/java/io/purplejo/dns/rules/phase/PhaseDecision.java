/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.problem.ConditionReason;

/**
 * The phase a run moves to, with the reason shown in its status and events: one of {@link
 * PhaseReason}, or the {@link io.purplejo.dns.rules.problem.ProblemReason} a run waits on.
 */
public record PhaseDecision(RunPhase phase, ConditionReason reason, String message) {
    /** Whether this decision starts a new attempt of a Failed run. */
    public boolean retrying() {
        return reason == PhaseReason.RETRY_REQUESTED;
    }

    /** The reason as its conditions show it. */
    public String reasonText() {
        return reason.conditionReason();
    }
}
