package io.purplejo.dns.operator.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;

/**
 * What the next phase is decided from.
 *
 * @param current          the phase in the status (null for a new run)
 * @param waitingForSpec   a problem the schema cannot catch (a Secret or key missing) holds a new run in
 *                         Pending until it is fixed; a run that already started carries on
 * @param suspended        {@code spec.suspend}
 * @param publisher        the publisher Job's state
 * @param published        domains published (confirmed), from the database
 * @param done             domains of the run with an outcome, from the database
 * @param deadlineExceeded the run has been active longer than {@code activeDeadlineSeconds}
 */
public record PhaseInput(RunPhase current, boolean waitingForSpec, boolean suspended, PublisherState publisher,
                         long published, long done, boolean deadlineExceeded) {
}
