/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticsLineTest {
    private static final Map<Outcome, Long> OUTCOMES = new EnumMap<>(Outcome.class);

    static {
        OUTCOMES.put(Outcome.RESOLVED, 81_234L);
        OUTCOMES.put(Outcome.NXDOMAIN, 9_876L);
        OUTCOMES.put(Outcome.TIMEOUT, 321L);
    }

    @ParameterizedTest(name = "{0} columns, total {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "40 | 1000000 | resolve: 91,431 of 1,000,000 names",
                "60 | 1000000 | resolve: 91,431 of 1,000,000 names  2,345/s  ETA 6:27",
                "80 | 1000000 | resolve: 91,431 of 1,000,000 names  2,345/s  ETA 6:27  resolved 81,234",
                "120 | 1000000 | resolve: 91,431 of 1,000,000 names  2,345/s  ETA 6:27  resolved 81,234"
                        + "  nxdomain 9,876  timeout 321",
                "80 | -1 | resolve: 91,431 names  2,345/s  resolved 81,234  nxdomain 9,876  timeout 321",
                "30 | -1 | resolve: 91,431 names"
            })
    void theLineKeepsWhatMattersFirstAndNeverReachesTheLastColumn(
            int columns, long total, String expected) {
        String line =
                StatisticsLine.render(
                        new StatisticsLine.Figures(91_431, total, 2_345.4, OUTCOMES), columns);

        assertThat(line).isEqualTo(expected);
        assertThat(line.length()).isLessThan(columns);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
        "0, 0:00",
        "59, 0:59",
        "61, 1:01",
        "3599, 59:59",
        "3600, 1:00:00",
        "90061, 25:01:01"
    })
    void anEtaReadsAsAClock(long seconds, String clock) {
        assertThat(StatisticsLine.clock(seconds)).isEqualTo(clock);
    }
}
