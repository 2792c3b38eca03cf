/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressViewTest {
    private static ProgressView.Reading reading(
            RunPhase phase,
            Long total,
            long published,
            long resolved,
            long failed,
            Double rate,
            Long etaSeconds,
            long queue,
            long elapsedMillis) {
        return new ProgressView.Reading(
                phase,
                phase.name(),
                total,
                published,
                resolved,
                failed,
                rate,
                etaSeconds == null ? null : Duration.ofSeconds(etaSeconds),
                queue,
                Duration.ofMillis(elapsedMillis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            before the set is fixed | Publishing | null | 0    | 0   | 0  | null  | null | [............................]   0% Publishing published 0 resolved 0 failed 0
            half done               | Resolving  | 1000 | 1000 | 450 | 50 | 120.5 | 5    | [##############..............]  50% Resolving  published 1,000/1,000 resolved 450 failed 50 120.5/s ETA 5s
            done                    | Succeeded  | 1000 | 1000 | 990 | 10 | null  | null | [############################] 100% Succeeded  published 1,000/1,000 resolved 990 failed 10
            nothing selected        | Succeeded  | 0    | 0    | 0   | 0  | null  | null | [############################] 100% Succeeded  published 0/0 resolved 0 failed 0
            an hour left            | Resolving  | 9000 | 9000 | 1   | 0  | 2.5   | 3601 | [............................]   0% Resolving  published 9,000/9,000 resolved 1 failed 0 2.5/s ETA 1h0m1s
            """)
    void theBarShowsTheShareOfDomainsWithAnOutcomeAndTheCounters(
            String what,
            RunPhase phase,
            Long total,
            long published,
            long resolved,
            long failed,
            Double rate,
            Long eta,
            String expected) {
        assertThat(
                        ProgressBar.render(
                                reading(phase, total, published, resolved, failed, rate, eta, 0, 0),
                                200))
                .isEqualTo(expected);
    }

    @Test
    void theBarFitsTheTerminalAndRedrawsOverALongerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60);

        bar.show(reading(RunPhase.Resolving, 100L, 100, 5, 0, 10.0, 10L, 3, 1000));
        bar.show(reading(RunPhase.Succeeded, 100L, 100, 100, 0, null, null, 0, 2000));
        bar.close();

        String[] frames = bytes.toString(StandardCharsets.UTF_8).split("\r");
        assertThat(frames[1]).hasSize(60);
        assertThat(frames[2].stripTrailing()).hasSizeLessThanOrEqualTo(60).contains("Succeeded");
        assertThat(frames[2]).hasSizeGreaterThanOrEqualTo(60).endsWith("\n");
    }

    @Test
    void plainLinesAreWrittenOnEveryPhaseChangeAndOtherwiseOncePerInterval() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLines lines =
                new ProgressLines(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        Duration.ofSeconds(5));

        lines.show(reading(RunPhase.Publishing, null, 0, 0, 0, null, null, -1, 100));
        lines.show(reading(RunPhase.Publishing, null, 10, 0, 0, null, null, 0, 600));
        lines.show(reading(RunPhase.Resolving, 20L, 20, 0, 0, null, null, 1, 1100));
        lines.show(reading(RunPhase.Resolving, 20L, 20, 5, 0, 2.0, 8L, 1, 3000));
        lines.show(reading(RunPhase.Resolving, 20L, 20, 15, 1, 3.0, 2L, 0, 6200));
        lines.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "   0.1s Publishing published 0 resolved 0 failed 0 queue unknown",
                        "   1.1s Resolving  published 20/20 resolved 0 failed 0 queue 1",
                        "   6.2s Resolving  published 20/20 resolved 15 failed 1 3.0/s ETA 2s queue 0");
    }
}
