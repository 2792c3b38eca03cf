package io.purplejo.dns.operator.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;

/** The phase a run moves to, with the reason shown in its status and events. */
public record PhaseDecision(RunPhase phase, String reason, String message) {
}
