/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleSpec.ConcurrencyPolicy;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A schedule's decision, as the CronJob controller makes its own: the latest time due since the
 * last one handled starts a run (only the latest: an operator down for a week starts one run, not
 * seven), unless it is older than {@code startingDeadlineSeconds}, the schedule is suspended, or
 * {@code Forbid} finds a run still going; {@code Replace} deletes that run first. A time that
 * already has its run starts nothing, so a restart or a second replica never starts two. Pure.
 */
public final class ScheduleDecider {
    private ScheduleDecider() {}

    /**
     * What a schedule does now: start a run, skip a time, replace or prune runs, or wait.
     *
     * @param lastScheduleTime the latest time handled, from the status; null for a new schedule
     * @param created when the schedule was created: no time before it is due
     * @param runs the runs of this schedule that exist
     */
    public static ScheduleDecision decide(
            DnsExtractionScheduleSpec spec,
            Instant lastScheduleTime,
            Instant created,
            List<ScheduledRun> runs,
            Instant now) {
        List<String> prune = prune(spec, runs);
        CronSchedule cron;
        try {
            cron = CronSchedule.parse(spec.schedule, spec.timeZone);
        } catch (InvalidScheduleException e) {
            return new ScheduleDecision(
                    null, List.of(), prune, lastScheduleTime, null, e.getMessage(), e.getMessage());
        }
        if (Boolean.TRUE.equals(spec.suspend)) {
            return new ScheduleDecision(
                    null,
                    List.of(),
                    prune,
                    lastScheduleTime,
                    null,
                    "suspended: no run is started",
                    null);
        }
        Instant next = cron.next(now).orElse(null);
        Instant earliest = lastScheduleTime != null ? lastScheduleTime : created;
        Optional<Instant> due =
                cron.latest(now).filter(t -> earliest == null || t.isAfter(earliest));
        if (due.isEmpty()) {
            return new ScheduleDecision(
                    null, List.of(), prune, lastScheduleTime, next, waiting(next), null);
        }
        Instant slot = due.get();
        if (runs.stream().anyMatch(r -> slot.equals(r.scheduledFor()))) {
            return new ScheduleDecision(
                    null, List.of(), prune, slot, next, "started the run of " + slot, null);
        }
        if (spec.startingDeadlineSeconds != null
                && Duration.between(slot, now).toSeconds() > spec.startingDeadlineSeconds) {
            return new ScheduleDecision(
                    null,
                    List.of(),
                    prune,
                    slot,
                    next,
                    "skipped "
                            + slot
                            + ": missed by more than startingDeadlineSeconds ("
                            + spec.startingDeadlineSeconds
                            + " s)",
                    null);
        }
        List<String> active =
                runs.stream().filter(ScheduledRun::active).map(ScheduledRun::name).toList();
        ConcurrencyPolicy policy =
                spec.concurrencyPolicy == null ? ConcurrencyPolicy.Forbid : spec.concurrencyPolicy;
        if (!active.isEmpty() && policy == ConcurrencyPolicy.Forbid) {
            return new ScheduleDecision(
                    null,
                    List.of(),
                    prune,
                    slot,
                    next,
                    "skipped "
                            + slot
                            + ": "
                            + String.join(", ", active)
                            + " still going (concurrencyPolicy Forbid)",
                    null);
        }
        List<String> replace = policy == ConcurrencyPolicy.Replace ? active : List.of();
        return new ScheduleDecision(
                slot,
                replace,
                prune,
                slot,
                next,
                "started the run of "
                        + slot
                        + (replace.isEmpty() ? "" : ", replacing " + String.join(", ", replace)),
                null);
    }

    private static String waiting(Instant next) {
        return next == null ? "the schedule names no future time" : "next run at " + next;
    }

    /** Finished runs beyond the history limits, oldest first. */
    static List<String> prune(DnsExtractionScheduleSpec spec, List<ScheduledRun> runs) {
        List<String> out = new ArrayList<>();
        out.addAll(beyond(runs, RunPhase.Succeeded, limit(spec.successfulRunsHistoryLimit, 3)));
        out.addAll(beyond(runs, RunPhase.Failed, limit(spec.failedRunsHistoryLimit, 1)));
        return out;
    }

    private static List<String> beyond(List<ScheduledRun> runs, RunPhase phase, int keep) {
        List<ScheduledRun> ended =
                runs.stream()
                        .filter(r -> r.phase() == phase)
                        .sorted(Comparator.comparing(ScheduledRun::scheduledFor).reversed())
                        .toList();
        List<ScheduledRun> old = ended.subList(Math.min(keep, ended.size()), ended.size());
        return old.stream()
                .sorted(Comparator.comparing(ScheduledRun::scheduledFor))
                .map(ScheduledRun::name)
                .toList();
    }

    private static int limit(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
