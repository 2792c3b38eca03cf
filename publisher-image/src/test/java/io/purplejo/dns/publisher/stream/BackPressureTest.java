/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackPressureTest {

    @ParameterizedTest(name = "depths {0} -> holds {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            0 50 100                | false false false
            101                     | true
            101 90 76 75 74         | true true true false false
            150 80 101              | true true true
            150 60 90 101           | true false false true
            """)
    void holdsAboveTheMaximumUntilTheQueueIsDownToThreeQuarters(String depths, String holds) {
        BackPressure p = new BackPressure(100);
        String[] d = depths.split(" ");
        String[] h = holds.split(" ");
        for (int i = 0; i < d.length; i++) {
            assertThat(p.hold(Long.parseLong(d[i])))
                    .as("depth " + d[i] + " (step " + i + ")")
                    .isEqualTo(Boolean.parseBoolean(h[i]));
        }
    }

    @org.junit.jupiter.api.Test
    void aMaximumOfZeroNeverHolds() {
        BackPressure p = new BackPressure(0);

        assertThat(p.limited()).isFalse();
        assertThat(p.hold(1_000_000)).isFalse();
    }
}
