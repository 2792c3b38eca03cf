/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The run's life as an explicit state machine:
 *
 * <pre>
 * Pending ──attempt 1 started──► Publishing ──database: published──► Resolving ──every published domain has an
 *    │                              │  ▲                                │        outcome, queue empty──► Succeeded
 *    └──────── suspend ────────────►│ Suspended ◄────── suspend ────────┘  (resume returns where the run was)
 * any active phase ──publisher Job failed, or deadline exceeded──► Failed ──spec.retry changed──► Pending
 * Publishing, Resolving ──every published domain has an outcome, none a definite answer──► Failed
 * Resolving ──queue empty, messages dead-lettered, nothing moved for DEAD_LETTER_STALL──► Failed
 * Publishing, Resolving ──every worker stopped for good (a one-machine run)──► Failed
 * </pre>
 *
 * Succeeded is final; Failed moves only on a retry. A run is complete only on facts read just now:
 * the database says publishing finished and gives the published total, every published domain's
 * outcome is counted, and the queue is empty. When any of them is unknown the phase stays where it
 * is. {@link #next} is pure; {@link #allowed} lists the legal moves, and the reconciler reports a
 * decision outside them as a bug instead of acting on it.
 */
public final class PhaseMachine {
    private static final Map<RunPhase, Set<RunPhase>> ALLOWED = new EnumMap<>(RunPhase.class);

    /**
     * How long nothing may move, with the queue empty and messages dead-lettered, before the run is
     * failed: the domains of those messages will never get an outcome. Long enough for messages
     * that workers hold unacknowledged to be finished.
     */
    public static final Duration DEAD_LETTER_STALL = Duration.ofSeconds(30);

    static {
        ALLOWED.put(
                RunPhase.Pending,
                EnumSet.of(
                        RunPhase.Pending,
                        RunPhase.Publishing,
                        RunPhase.Resolving,
                        RunPhase.Succeeded,
                        RunPhase.Suspended,
                        RunPhase.Failed));
        ALLOWED.put(
                RunPhase.Publishing,
                EnumSet.of(
                        RunPhase.Publishing,
                        RunPhase.Resolving,
                        RunPhase.Suspended,
                        RunPhase.Failed,
                        RunPhase.Succeeded));
        ALLOWED.put(
                RunPhase.Resolving,
                EnumSet.of(
                        RunPhase.Resolving,
                        RunPhase.Succeeded,
                        RunPhase.Suspended,
                        RunPhase.Failed));
        ALLOWED.put(
                RunPhase.Suspended,
                EnumSet.of(
                        RunPhase.Suspended,
                        RunPhase.Pending,
                        RunPhase.Publishing,
                        RunPhase.Resolving,
                        RunPhase.Succeeded,
                        RunPhase.Failed));
        ALLOWED.put(RunPhase.Succeeded, EnumSet.of(RunPhase.Succeeded));
        ALLOWED.put(RunPhase.Failed, EnumSet.of(RunPhase.Failed, RunPhase.Pending));
    }

    private PhaseMachine() {}

    public static boolean allowed(RunPhase from, RunPhase to) {
        return ALLOWED.get(from == null ? RunPhase.Pending : from).contains(to);
    }

    public static PhaseDecision next(PhaseInput in) {
        PhaseDecision d = nextWithWorkers(in);
        if (in.workersStopped() && in.started() && !d.phase().finished()) {
            // a finished run stays finished; anything else would wait forever for resolving
            return new PhaseDecision(
                    RunPhase.Failed,
                    PhaseReason.WORKERS_STOPPED,
                    "every worker stopped before the run finished, and none will be started again;"
                            + " domains without an outcome are selected again by the next run");
        }
        return d;
    }

    private static PhaseDecision nextWithWorkers(PhaseInput in) {
        RunPhase current = in.current() == null ? RunPhase.Pending : in.current();
        if (current == RunPhase.Failed && in.retryRequested()) {
            return new PhaseDecision(
                    RunPhase.Pending,
                    PhaseReason.RETRY_REQUESTED,
                    "spec.retry changed: starting a new attempt that resumes where the last one stopped");
        }
        if (current.finished()) {
            return new PhaseDecision(
                    current,
                    current == RunPhase.Succeeded ? PhaseReason.COMPLETED : PhaseReason.FAILED,
                    null);
        }
        if (in.deadlineExceeded()) {
            return new PhaseDecision(
                    RunPhase.Failed,
                    PhaseReason.DEADLINE_EXCEEDED,
                    "the run did not finish within activeDeadlineSeconds; set spec.retry to a new value to go on");
        }
        if (in.publisher() == PublisherState.FAILED) {
            return new PhaseDecision(
                    RunPhase.Failed,
                    PhaseReason.PUBLISHER_FAILED,
                    "the publisher Job failed; see its pod"
                            + " logs, then set spec.retry to a new value to start a new attempt");
        }
        if (in.suspended()) {
            return new PhaseDecision(
                    RunPhase.Suspended, PhaseReason.SUSPENDED, "spec.suspend is true");
        }
        if (!in.started()) {
            if (in.startProblem() != null) {
                return new PhaseDecision(
                        RunPhase.Pending,
                        in.startProblem().reason(),
                        "waiting: " + in.startProblem().message());
            }
            return new PhaseDecision(
                    RunPhase.Pending, PhaseReason.STARTING, "creating the publisher Job");
        }
        RunProgress p = in.progress();
        boolean publishingOver =
                in.publisher() == PublisherState.SUCCEEDED
                        || current == RunPhase.Resolving
                        || (p != null && p.publishingFinished());
        if (!publishingOver) {
            return new PhaseDecision(
                    RunPhase.Publishing,
                    PhaseReason.PUBLISHING,
                    in.publisher() == PublisherState.NONE
                            ? "starting a new publisher attempt, which resumes from the checkpoint"
                            : "the publisher Job is running");
        }
        return afterPublishing(in, current, p);
    }

    /**
     * Once publishing is over: Succeeded only when the database shows every published domain with
     * an outcome and the queue is read as empty; unknown holds the phase.
     */
    private static PhaseDecision afterPublishing(PhaseInput in, RunPhase current, RunProgress p) {
        RunPhase holding =
                current == RunPhase.Publishing || current == RunPhase.Resolving
                        ? current
                        : RunPhase.Publishing;
        if (p == null) {
            return new PhaseDecision(
                    holding,
                    PhaseReason.PROGRESS_UNKNOWN,
                    "publishing ended, but the run's progress cannot be read now; waiting to read it");
        }
        if (!p.publishingFinished()) {
            return new PhaseDecision(
                    holding,
                    PhaseReason.PROGRESS_UNKNOWN,
                    "the publisher Job completed, but the database"
                            + " does not show the run as published; waiting for it");
        }
        long missing = p.published() - p.done();
        if (missing > 0) {
            if (in.queueReady() == 0
                    && in.deadLettered() > 0
                    && in.sinceProgress() != null
                    && in.sinceProgress().compareTo(DEAD_LETTER_STALL) >= 0) {
                return new PhaseDecision(
                        RunPhase.Failed,
                        PhaseReason.DEAD_LETTERED,
                        in.deadLettered()
                                + " messages were dead-lettered to the run's dead-letter queue"
                                + " (<queue>.dead; the worker logs and each message's x-dnsx-reason"
                                + " header say why) and nothing moved for "
                                + in.sinceProgress().toSeconds()
                                + " s: "
                                + missing
                                + " published domains have no outcome and the run cannot complete."
                                + " Fix the cause, move the messages back to the queue, then set"
                                + " spec.retry to a new value");
            }
            return new PhaseDecision(
                    RunPhase.Resolving,
                    PhaseReason.RESOLVING,
                    missing + " domains without an outcome yet");
        }
        if (in.queueReady() < 0) {
            return new PhaseDecision(
                    RunPhase.Resolving,
                    PhaseReason.QUEUE_UNKNOWN,
                    "every published domain has an outcome; waiting to read the queue before completing");
        }
        if (in.queueReady() > 0) {
            return new PhaseDecision(
                    RunPhase.Resolving,
                    PhaseReason.QUEUE_NOT_EMPTY,
                    "every published domain has an outcome;"
                            + " "
                            + in.queueReady()
                            + " messages are still in the queue");
        }
        if (p.published() > 0 && p.extracted() == 0) {
            return new PhaseDecision(
                    RunPhase.Failed, PhaseReason.NOTHING_EXTRACTED, nothingExtracted(p));
        }
        return new PhaseDecision(
                RunPhase.Succeeded,
                PhaseReason.COMPLETED,
                "every published domain has an outcome (" + p.done() + ") and the queue is empty");
    }

    /**
     * Why a run in which every domain failed is not a success, in the user's terms: when every
     * lookup timed out the resolvers never answered at all.
     */
    private static String nothingExtracted(RunProgress p) {
        String next =
                "; nothing was extracted, and a new run with selection NeverExtracted selects these"
                        + " domains again";
        if (p.count(Outcome.TIMEOUT) == p.done()) {
            return "the resolvers never answered: all "
                    + p.done()
                    + " domains timed out (check spec.resolvers and that the workers can reach them)"
                    + next;
        }
        StringJoiner counts = new StringJoiner(", ");
        p.countsByName().forEach((outcome, n) -> counts.add(n + " " + outcome));
        return "no published domain got a definite answer (records, no data or NXDOMAIN): "
                + counts
                + next;
    }
}
