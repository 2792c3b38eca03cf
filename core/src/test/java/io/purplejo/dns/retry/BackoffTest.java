/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private static List<Long> waits(Backoff b, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(b.nextWait().toMillis());
        }
        return out;
    }

    @ParameterizedTest(name = "random {0}")
    @CsvSource(
            textBlock =
                    """
            0.0,   800, 1600, 3200, 4000, 4000
            0.5,   900, 1800, 3600, 4500, 4500
            """)
    void waitsDoubleUpToTheCapAndAreJitteredWithinTwentyPercent(
            double random, long w1, long w2, long w3, long w4, long w5) {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> random);

        assertThat(waits(b, 5)).containsExactly(w1, w2, w3, w4, w5);
        assertThat(b.nominal()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aSuccessStartsTheNextOutageFromTheFirstDelay() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.5);
        waits(b, 4);

        b.reset();

        assertThat(b.nominal()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.nextWait()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aCapBelowTheFirstDelayIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
