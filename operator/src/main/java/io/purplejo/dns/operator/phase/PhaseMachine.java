package io.purplejo.dns.operator.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The run's life as an explicit state machine:
 * <pre>
 * Pending ──Job created──► Publishing ──Job succeeded──► Resolving ──every published domain has an outcome──► Succeeded
 *    │                        │  ▲                           │  ▲
 *    └──────── suspend ──────►│ Suspended ◄──── suspend ─────┘  │   (resume returns to Publishing or Resolving)
 * any active phase ──Job failed or deadline exceeded──► Failed; a new run waits in Pending for missing Secrets
 * </pre>
 * Succeeded and Failed are final. {@link #next} is pure; {@link #allowed} lists the legal moves, and a
 * decision outside them is a bug that the tests catch.
 */
public final class PhaseMachine {
    private static final Map<RunPhase, Set<RunPhase>> ALLOWED = new EnumMap<>(RunPhase.class);

    static {
        ALLOWED.put(RunPhase.Pending, EnumSet.of(RunPhase.Pending, RunPhase.Publishing, RunPhase.Suspended,
                RunPhase.Failed));
        ALLOWED.put(RunPhase.Publishing, EnumSet.of(RunPhase.Publishing, RunPhase.Resolving, RunPhase.Suspended,
                RunPhase.Failed, RunPhase.Succeeded));
        ALLOWED.put(RunPhase.Resolving, EnumSet.of(RunPhase.Resolving, RunPhase.Succeeded, RunPhase.Suspended,
                RunPhase.Failed));
        ALLOWED.put(RunPhase.Suspended, EnumSet.of(RunPhase.Suspended, RunPhase.Pending, RunPhase.Publishing,
                RunPhase.Resolving, RunPhase.Failed));
        ALLOWED.put(RunPhase.Succeeded, EnumSet.of(RunPhase.Succeeded));
        ALLOWED.put(RunPhase.Failed, EnumSet.of(RunPhase.Failed));
    }

    private PhaseMachine() {
    }

    public static boolean allowed(RunPhase from, RunPhase to) {
        return ALLOWED.get(from == null ? RunPhase.Pending : from).contains(to);
    }

    public static PhaseDecision next(PhaseInput in) {
        RunPhase current = in.current() == null ? RunPhase.Pending : in.current();
        if (current.finished()) {
            return new PhaseDecision(current, current == RunPhase.Succeeded ? "Completed" : "Failed", null);
        }
        if (in.waitingForSpec() && in.publisher() == PublisherState.NONE) {
            return new PhaseDecision(current == RunPhase.Suspended ? RunPhase.Suspended : RunPhase.Pending,
                    "InvalidSpec", "waiting for the spec's Secrets (see the Degraded condition)");
        }
        if (in.deadlineExceeded()) {
            return new PhaseDecision(RunPhase.Failed, "DeadlineExceeded",
                    "the run did not finish within activeDeadlineSeconds");
        }
        if (in.publisher() == PublisherState.FAILED) {
            return new PhaseDecision(RunPhase.Failed, "PublisherFailed",
                    "the publisher Job failed after its retries; see its pod logs");
        }
        if (in.suspended()) {
            return new PhaseDecision(RunPhase.Suspended, "Suspended", "spec.suspend is true");
        }
        return switch (in.publisher()) {
            case NONE -> new PhaseDecision(RunPhase.Pending, "Starting", "creating the publisher Job");
            case ACTIVE -> new PhaseDecision(RunPhase.Publishing, "Publishing", "the publisher Job is running");
            case SUCCEEDED -> in.done() >= in.published()
                    ? new PhaseDecision(RunPhase.Succeeded, "Completed",
                            "every published domain has an outcome (" + in.done() + ")")
                    : new PhaseDecision(RunPhase.Resolving, "Resolving",
                            (in.published() - in.done()) + " domains without an outcome yet");
            case FAILED -> throw new IllegalStateException("handled above");
        };
    }
}
