/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.problem.RunProblem;
import java.time.Instant;
import java.util.List;

/**
 * The conditions a run's phase sets, on the cluster and on one machine alike: {@code Complete},
 * {@code Failed} and {@code Progressing} for {@code kubectl wait}, and the kstatus conventions that
 * GitOps tools read (Flux's health checks, {@code kstatus}): {@code Reconciling} while the run is
 * in flight, {@code Stalled} when it cannot go on without a person (Failed, or a problem that only
 * a person can fix), {@code Ready} once it Succeeded (none while suspended: kstatus reads a Ready
 * that is not True as InProgress). So kstatus computes InProgress while the run runs, Current once
 * it Succeeded or while it is suspended (as for a suspended Job), and Failed when it failed or is
 * stuck on a configuration error.
 */
public final class RunConditions {
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";
    public static final String READY = "Ready";

    private RunConditions() {}

    /**
     * The phase's conditions set on {@code current}; {@code Degraded} and other types are kept.
     *
     * @param reason the phase decision's reason
     * @param message the phase decision's message
     * @param stuck the first problem that needs a person, or null
     */
    public static List<Condition> forPhase(
            List<Condition> current,
            RunPhase phase,
            String reason,
            String message,
            RunProblem stuck,
            long generation,
            Instant now) {
        boolean succeeded = phase == RunPhase.Succeeded;
        boolean failed = phase == RunPhase.Failed;
        boolean progressing = phase == RunPhase.Publishing || phase == RunPhase.Resolving;
        boolean stalled = failed || (!phase.finished() && stuck != null);
        boolean reconciling = !phase.finished() && phase != RunPhase.Suspended && !stalled;
        List<Condition> c = current;
        c =
                Conditions.set(
                        c,
                        Conditions.COMPLETE,
                        succeeded,
                        succeeded ? "Completed" : reason,
                        succeeded ? message : "",
                        generation,
                        now);
        c =
                Conditions.set(
                        c,
                        Conditions.FAILED,
                        failed,
                        failed ? reason : "NotFailed",
                        failed ? message : "",
                        generation,
                        now);
        c =
                Conditions.set(
                        c, Conditions.PROGRESSING, progressing, reason, message, generation, now);
        c =
                Conditions.set(
                        c,
                        RECONCILING,
                        reconciling,
                        reconciling ? reason : phase.finished() ? "Finished" : phase.toString(),
                        reconciling ? message : "",
                        generation,
                        now);
        String stalledReason =
                failed ? reason : stuck != null ? stuck.reason().conditionReason() : "NotStalled";
        String stalledMessage = failed ? message : stuck != null ? stuck.message() : "";
        c = Conditions.set(c, STALLED, stalled, stalledReason, stalledMessage, generation, now);
        if (phase == RunPhase.Suspended) {
            // kstatus reads a Ready that is not True as InProgress; a suspended run is as its spec
            // asks (Current, as a suspended Job is), but not Ready: it has no Ready condition
            return Conditions.remove(c, READY);
        }
        return Conditions.set(
                c,
                READY,
                succeeded,
                succeeded ? "Completed" : reason,
                succeeded ? message : "",
                generation,
                now);
    }

    /** The first of these problems that only a person can fix, or null. */
    public static RunProblem stuckOn(List<RunProblem> problems) {
        return problems.stream().filter(p -> p.reason().needsPerson()).findFirst().orElse(null);
    }
}
