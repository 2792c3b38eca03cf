/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import io.fabric8.kubernetes.api.model.Condition;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.status.Conditions;
import io.purplejo.dns.rules.status.RunConditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A schedule's next status from its decision and its runs once acted on: the active runs, the
 * latest times, and the conditions GitOps tools read (a schedule is Ready while it can start runs,
 * suspended or not, as kstatus reads a CronJob; Stalled when its expression or zone cannot be
 * read). Pure.
 */
public final class ScheduleStatusProjection {
    private ScheduleStatusProjection() {}

    /**
     * The status a schedule holds after this pass.
     *
     * @param runs the schedule's runs after this pass: the one started included, the replaced and
     *     pruned ones not
     */
    public static DnsExtractionScheduleStatus project(
            DnsExtractionScheduleStatus old,
            long generation,
            ScheduleDecision decision,
            List<ScheduledRun> runs,
            Instant now) {
        DnsExtractionScheduleStatus s = new DnsExtractionScheduleStatus();
        s.active =
                runs.stream()
                        .filter(ScheduledRun::active)
                        .sorted(Comparator.comparing(ScheduledRun::scheduledFor))
                        .map(ScheduledRun::name)
                        .toList();
        s.activeCount = s.active.size();
        s.lastScheduleTime = text(decision.lastScheduleTime());
        Instant succeeded =
                runs.stream()
                        .filter(r -> r.phase() == RunPhase.Succeeded)
                        .map(ScheduledRun::scheduledFor)
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        s.lastSuccessfulTime = later(old.lastSuccessfulTime, succeeded);
        s.nextScheduleTime = text(decision.nextScheduleTime());
        s.message = decision.message();
        s.observedGeneration = generation;
        List<Condition> c = old.conditions == null ? new ArrayList<>() : old.conditions;
        boolean stalled = decision.problem() != null;
        c =
                Conditions.set(
                        c,
                        RunConditions.READY,
                        !stalled,
                        stalled ? "InvalidSchedule" : "Scheduling",
                        stalled ? decision.problem() : decision.message(),
                        generation,
                        now);
        c =
                Conditions.set(
                        c,
                        RunConditions.STALLED,
                        stalled,
                        stalled ? "InvalidSchedule" : "Scheduling",
                        stalled ? decision.problem() : "",
                        generation,
                        now);
        s.conditions =
                Conditions.set(
                        c, RunConditions.RECONCILING, false, "Scheduling", "", generation, now);
        return s;
    }

    private static String later(String old, Instant found) {
        if (found == null) {
            return old;
        }
        return old != null && Instant.parse(old).isAfter(found) ? old : found.toString();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
