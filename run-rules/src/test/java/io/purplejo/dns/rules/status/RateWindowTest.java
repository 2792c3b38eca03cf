/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void theRateIsTakenOverTheWindowOnly() {
        RateWindow w = new RateWindow(Duration.ofSeconds(60));
        w.add(T0, 0);
        w.add(T0.plusSeconds(30), 30_000); // 1,000/s
        w.add(T0.plusSeconds(90), 90_000); // 1,000/s
        w.add(T0.plusSeconds(120), 180_000); // 3,000/s over the last 30 s

        assertThat(w.rate()).as("samples older than 60 s are dropped").isEqualTo(3000.0);
        assertThat(RateWindow.format(w.eta(3_600_000))).isEqualTo("20m0s");
    }

    @Test
    void theRateIsUnknownUntilTwoSamplesAndStartsOverWhenCountersGoBack() {
        RateWindow w = new RateWindow(Duration.ofSeconds(60));
        w.add(T0, 500);
        assertThat(w.rate()).isNull();
        assertThat(w.eta(10)).isNull();

        w.add(T0.plusSeconds(10), 1500);
        assertThat(w.rate()).isEqualTo(100.0);
        w.add(T0.plusSeconds(20), 0);
        assertThat(w.rate()).isNull();
        assertThat(RateWindow.format(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
    }
}
