/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import java.time.Instant;

/**
 * The name of the run a schedule starts for a time: the schedule's name and the time in minutes
 * since the epoch, as a CronJob names its Jobs, so that one time has one name whoever creates it.
 */
public final class ScheduleNames {
    private ScheduleNames() {}

    public static String run(String schedule, Instant scheduledFor) {
        return schedule + "-" + scheduledFor.getEpochSecond() / 60;
    }
}
