/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code outcomeRetentionDays} asks of a finished run now: nothing, wait, or apply it (the
 * database then drops the run's per-domain outcomes, or says they are kept longer because a worker
 * stored one after the run finished).
 *
 * @param untilDue how long until the retention may have ended, for {@link Action#WAIT}
 */
public record RetentionPlan(Action action, Duration untilDue) {
    /** What the retention asks for now. */
    public enum Action {
        NONE,
        WAIT,
        APPLY
    }

    /** Pure: the plan for a run with this spec and status at {@code now}. */
    public static RetentionPlan decide(
            DnsExtractionRunSpec spec, DnsExtractionRunStatus status, Instant now) {
        Integer days = spec.outcomeRetentionDays;
        if (days == null
                || status.phase == null
                || !status.phase.finished()
                || status.completionTime == null
                || status.outcomesDroppedTime != null) {
            return new RetentionPlan(Action.NONE, null);
        }
        Instant due = Instant.parse(status.completionTime).plus(Duration.ofDays(days));
        if (now.isBefore(due)) {
            return new RetentionPlan(Action.WAIT, Duration.between(now, due));
        }
        return new RetentionPlan(Action.APPLY, null);
    }
}
