/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What a schedule does now.
 *
 * @param create the time to start a run for, or null
 * @param replace runs to delete before it starts ({@code Replace})
 * @param prune finished runs beyond the history limits, oldest first
 * @param lastScheduleTime the latest time handled (started or skipped), or null
 * @param nextScheduleTime the next time due, or null (suspended, invalid, or never again)
 * @param message what it did, for a person
 * @param problem why the schedule cannot run (an unreadable expression or time zone), or null
 */
public record ScheduleDecision(
        Instant create,
        List<String> replace,
        List<String> prune,
        Instant lastScheduleTime,
        Instant nextScheduleTime,
        String message,
        String problem) {
    public ScheduleDecision {
        replace = List.copyOf(replace);
        prune = List.copyOf(prune);
    }
}
