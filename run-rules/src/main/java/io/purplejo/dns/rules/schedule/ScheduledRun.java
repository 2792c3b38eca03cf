/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Instant;

/**
 * A run a schedule created, as the schedule sees it.
 *
 * @param scheduledFor the time it was scheduled for
 * @param phase its phase, or null before the operator first recorded one
 */
public record ScheduledRun(String name, Instant scheduledFor, RunPhase phase) {
    /** Not finished: it counts against {@code concurrencyPolicy}. */
    public boolean active() {
        return phase == null || !phase.finished();
    }
}
