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
 * What {@code ttlSecondsAfterFinished} does to a finished run now: nothing, wait, remove its
 * children (the default: the run and its status stay, so that a GitOps re-apply starts nothing), or
 * delete the run ({@code deleteRunAfterTtl}).
 *
 * @param untilExpiry how long until the TTL expires, for {@link Action#WAIT}
 */
public record ExpiryPlan(Action action, Duration untilExpiry) {
    /** What the TTL asks for now. */
    public enum Action {
        NONE,
        WAIT,
        REMOVE_CHILDREN,
        DELETE_RUN
    }

    /** A margin past the expiry, so that the reconciliation it schedules finds it expired. */
    private static final Duration PAST_EXPIRY = Duration.ofMillis(100);

    /** Pure: the plan for a finished run with this spec and status at {@code now}. */
    public static ExpiryPlan decide(
            DnsExtractionRunSpec spec, DnsExtractionRunStatus status, Instant now) {
        Integer ttl = spec.ttlSecondsAfterFinished;
        if (ttl == null || status.completionTime == null) {
            return new ExpiryPlan(Action.NONE, null);
        }
        Instant expiry = Instant.parse(status.completionTime).plusSeconds(ttl);
        if (now.isBefore(expiry)) {
            return new ExpiryPlan(Action.WAIT, Duration.between(now, expiry).plus(PAST_EXPIRY));
        }
        if (Boolean.TRUE.equals(spec.deleteRunAfterTtl)) {
            return new ExpiryPlan(Action.DELETE_RUN, null);
        }
        if (status.childrenRemovedTime != null) {
            return new ExpiryPlan(Action.NONE, null);
        }
        return new ExpiryPlan(Action.REMOVE_CHILDREN, null);
    }
}
