/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggedProgressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "the first reading                 | null       | 0  | Publishing | 0  | true",
                "the same phase, 29 s later         | Resolving  | 10 | Resolving  | 39 | false",
                "the same phase, 30 s later         | Resolving  | 10 | Resolving  | 40 | true",
                "a new phase, a moment later        | Publishing | 10 | Resolving  | 11 | true",
                "the end                            | Resolving  | 40 | Succeeded  | 41 | true"
            })
    void aReadingIsLoggedFirstAtEachPhaseChangeAndEveryThirtySeconds(
            String situation,
            RunPhase lastPhase,
            long lastSeconds,
            RunPhase phase,
            long seconds,
            boolean logged) {
        ProgressView.Reading reading =
                new ProgressView.Reading(
                        phase,
                        phase.name(),
                        100L,
                        100,
                        50,
                        0,
                        null,
                        null,
                        0,
                        Duration.ofSeconds(seconds));

        assertThat(LoggedProgress.due(lastPhase, Duration.ofSeconds(lastSeconds), reading))
                .isEqualTo(logged);
    }
}
