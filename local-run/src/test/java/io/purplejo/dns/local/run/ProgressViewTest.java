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
            before the set is fixed | Publishing | null | 0    | 0   | 0  | null  | null | [............................]   0% Publishing published 0 extracted 0 failed 0
            half done               | Resolving  | 1000 | 1000 | 450 | 50 | 120.5 | 5    | [##############..............]  50% Resolving  published 1,000/1,000 extracted 450 failed 50 120.5/s ETA 5s
            done                    | Succeeded  | 1000 | 1000 | 990 | 10 | null  | null | [############################] 100% Succeeded  published 1,000/1,000 extracted 990 failed 10
            nothing selected        | Succeeded  | 0    | 0    | 0   | 0  | null  | null | [############################] 100% Succeeded  published 0/0 extracted 0 failed 0
            an hour left            | Resolving  | 9000 | 9000 | 1   | 0  | 2.5   | 3601 | [............................]   0% Resolving  published 9,000/9,000 extracted 1 failed 0 2.5/s ETA 1h0m1s
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
    void eachRedrawReturnsToTheLineStartErasesTheRestAndNeverReachesTheLastColumn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] columns = {80};
        ProgressBar bar =
                new ProgressBar(
                        new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> columns[0]);

        for (int i = 0; i < 10; i++) {
            bar.show(
                    reading(
                            RunPhase.Resolving,
                            1_000_000L,
                            1_000_000,
                            451_200,
                            3_800,
                            2345.6,
                            3601L,
                            3,
                            1000));
        }
        columns[0] = 40; // the window was made narrower
        bar.show(
                reading(
                        RunPhase.Resolving,
                        1_000_000L,
                        1_000_000,
                        451_200,
                        3_800,
                        2345.6,
                        3601L,
                        3,
                        1000));
        bar.close();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\n\r").endsWith("\033[K\n");
        String[] frames = out.split("\r");
        assertThat(frames).hasSize(12);
        for (int i = 1; i <= 10; i++) {
            assertThat(frames[i]).endsWith("\033[K");
            assertThat(frames[i].length() - 3).as("frame %d", i).isLessThanOrEqualTo(79);
        }
        assertThat(frames[11].strip().length() - 3)
                .as("measured again after ten redraws")
                .isLessThanOrEqualTo(39);
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            40  | 45% Resolving 455,000/1,000,000
            80  | [###...]  45% Resolving 455,000/1,000,000 failed 3,800 rate 2345.6/s ETA 1h0m1s
            120 | [#############...............]  45% Resolving 455,000/1,000,000 failed 3,800 rate 2345.6/s ETA 1h0m1s
            200 | [#############...............]  45% Resolving  published 1,000,000/1,000,000 extracted 451,200 failed 3,800 2345.6/s ETA 1h0m1s
            """)
    void theLineFitsEveryTerminalWidthAndKeepsWhatMattersFirst(int columns, String expected) {
        String line =
                ProgressBar.render(
                        reading(
                                RunPhase.Resolving,
                                1_000_000L,
                                1_000_000,
                                451_200,
                                3_800,
                                2345.6,
                                3601L,
                                3,
                                1000),
                        columns - 1);

        assertThat(line).isEqualTo(expected.strip());
        assertThat(line.length()).isLessThan(columns);
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
                        "   0.1s Publishing published 0 extracted 0 failed 0 queue unknown",
                        "   1.1s Resolving  published 20/20 extracted 0 failed 0 queue 1",
                        "   6.2s Resolving  published 20/20 extracted 15 failed 1 3.0/s ETA 2s queue 0");
    }
}
