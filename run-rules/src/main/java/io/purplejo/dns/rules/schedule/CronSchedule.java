/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A schedule's times: a five-field Unix cron expression read in a time zone (cron-utils does the
 * parsing and the calendar). Across a daylight-saving change a wall-clock time that does not exist
 * is skipped and one that occurs twice fires once, at its first occurrence.
 */
public final class CronSchedule {
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime times;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime times, ZoneId zone) {
        this.times = times;
        this.zone = zone;
    }

    /**
     * A schedule from its cron expression and time zone.
     *
     * @param timeZone an IANA zone, or null for UTC
     * @throws InvalidScheduleException naming what is wrong
     */
    public static CronSchedule parse(String expression, String timeZone) {
        ZoneId zone;
        try {
            zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidScheduleException(
                    "timeZone '" + timeZone + "' is not an IANA time zone (e.g. Europe/Paris)");
        }
        try {
            return new CronSchedule(ExecutionTime.forCron(PARSER.parse(expression.strip())), zone);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidScheduleException(
                    "schedule '"
                            + expression
                            + "' is not a five-field cron expression: "
                            + e.getMessage());
        }
    }

    /** The first time after {@code after}, if the expression ever fires again. */
    public Optional<Instant> next(Instant after) {
        ZonedDateTime from = after.atZone(zone);
        Optional<ZonedDateTime> next = times.nextExecution(from);
        while (next.isPresent() && repeatsWallClock(next.get())) {
            next = times.nextExecution(next.get());
        }
        return next.map(ZonedDateTime::toInstant);
    }

    /** The latest time at or before {@code atOrBefore}, if any. */
    public Optional<Instant> latest(Instant atOrBefore) {
        ZonedDateTime at = atOrBefore.atZone(zone);
        if (isTime(at)) {
            return Optional.of(atOrBefore);
        }
        Optional<ZonedDateTime> last = times.lastExecution(at);
        while (last.isPresent() && repeatsWallClock(last.get())) {
            last = times.lastExecution(last.get());
        }
        return last.map(ZonedDateTime::toInstant);
    }

    private boolean isTime(ZonedDateTime t) {
        return t.getSecond() == 0 && t.getNano() == 0 && times.isMatch(t) && !repeatsWallClock(t);
    }

    /**
     * Whether this instant is the second occurrence of its wall-clock time (the hour that repeats
     * when clocks go back): the first one already fired.
     */
    private boolean repeatsWallClock(ZonedDateTime t) {
        ZonedDateTime earlier = t.withEarlierOffsetAtOverlap();
        return !earlier.toInstant().equals(t.toInstant());
    }
}
