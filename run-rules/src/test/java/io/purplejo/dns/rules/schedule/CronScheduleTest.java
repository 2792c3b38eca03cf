/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
    @ParameterizedTest(name = "{0} in {1}, after {2} -> {3}")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            textBlock =
                    """
            0 2 * * *    | -             | 2026-12-04T10:00:00Z | 2026-12-05T02:00:00Z
            0 2 * * *    | -             | 2026-12-05T02:00:00Z | 2026-12-06T02:00:00Z
            */15 * * * * | -             | 2026-12-04T10:07:00Z | 2026-12-04T10:15:00Z
            0 2 * * 1    | -             | 2026-12-04T10:00:00Z | 2026-12-07T02:00:00Z
            0 2 * * *    | Europe/Paris  | 2026-12-04T10:00:00Z | 2026-12-05T01:00:00Z
            0 2 * * *    | Europe/Paris  | 2026-07-04T10:00:00Z | 2026-07-05T00:00:00Z
            30 2 * * *   | Europe/Paris  | 2026-03-28T02:00:00Z | 2026-03-30T00:30:00Z
            30 2 * * *   | Europe/Paris  | 2026-10-25T00:00:00Z | 2026-10-25T00:30:00Z
            30 2 * * *   | Europe/Paris  | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z
            0 * * * *    | Europe/Paris  | 2026-10-25T00:00:00Z | 2026-10-25T02:00:00Z
            0 3 * * *    | America/New_York | 2026-03-08T06:00:00Z | 2026-03-08T07:00:00Z
            """)
    void nextTimesSkipAMissingWallClockTimeAndFireARepeatedOneOnce(
            String cron, String zone, String after, String expected) {
        assertThat(CronSchedule.parse(cron, zone).next(Instant.parse(after)))
                .contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0} in {1}, at or before {2} -> {3}")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            textBlock =
                    """
            0 2 * * *  | -            | 2026-12-05T02:00:00Z | 2026-12-05T02:00:00Z
            0 2 * * *  | -            | 2026-12-05T01:59:59Z | 2026-12-04T02:00:00Z
            0 2 * * *  | -            | 2026-12-05T02:00:30Z | 2026-12-05T02:00:00Z
            30 2 * * * | Europe/Paris | 2026-10-25T01:45:00Z | 2026-10-25T00:30:00Z
            30 2 * * * | Europe/Paris | 2026-03-29T12:00:00Z | 2026-03-28T01:30:00Z
            """)
    void theLatestTimeIsTheOneARestartedOperatorCatchesUp(
            String cron, String zone, String at, String expected) {
        assertThat(CronSchedule.parse(cron, zone).latest(Instant.parse(at)))
                .contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            textBlock =
                    """
            61 * * * *  | -             | schedule '61 * * * *'
            0 2 * *     | -             | schedule '0 2 * *'
            0 2 * * *   | Mars/Olympus  | timeZone 'Mars/Olympus'
            """)
    void anUnreadableScheduleOrZoneIsRefusedWithWhatIsWrong(
            String cron, String zone, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(cron, zone))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(message);
    }
}
