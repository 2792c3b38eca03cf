/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndOfRunSummaryTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private static DnsExtractionRunStatus status(
            RunPhase phase, String message, long extracted, long failed, Map<String, Long> mix) {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        s.phase = phase;
        s.message = message;
        s.total = extracted + failed;
        s.published = extracted + failed;
        s.extracted = extracted;
        s.failed = failed;
        s.outcomes = new LinkedHashMap<>(mix);
        s.startTime = "2026-12-05T09:59:47.500Z";
        s.completionTime = "2026-12-05T10:00:00Z";
        return s;
    }

    @Test
    void aSucceededRunSaysHowManyInWhatTimeAndItsOutcomesSplitIntoExtractedAndFailed() {
        DnsExtractionRunStatus s =
                status(
                        RunPhase.Succeeded,
                        "every selected domain has an outcome",
                        1_950,
                        50,
                        Map.of(
                                "resolved", 1_800L,
                                "nxdomain", 100L,
                                "no_data", 50L,
                                "timeout", 40L,
                                "servfail", 10L));

        assertThat(EndOfRunSummary.lines(s, NOW))
                .containsExactly(
                        "Succeeded: every selected domain has an outcome",
                        "domains: 2,000 selected, 2,000 published, in 12.5 s (160.0/s)",
                        "  extracted 1,950: resolved 1,800, no_data 50, nxdomain 100",
                        "  failed 50: servfail 10, timeout 40",
                        "to retry the failed domains: run the file again (NeverExtracted selects"
                                + " them)");
    }

    @Test
    void aRunWhereNothingAnsweredPointsAtTheResolversAndSaysHowToGoOn() {
        DnsExtractionRunStatus s =
                status(
                        RunPhase.Failed,
                        "the resolvers never answered: all 2 domains timed out",
                        0,
                        2,
                        Map.of("timeout", 2L));
        s.conditions.add(
                new ConditionBuilder()
                        .withType("Failed")
                        .withStatus("True")
                        .withReason("NothingExtracted")
                        .build());

        assertThat(EndOfRunSummary.lines(s, NOW))
                .containsExactly(
                        "Failed (NothingExtracted): the resolvers never answered: all 2 domains"
                                + " timed out",
                        "domains: 2 selected, 2 published, in 12.5 s (0.2/s)",
                        "  extracted 0",
                        "  failed 2: timeout 2",
                        "note: no domain got an answer: are the resolvers reachable?",
                        "      (--resolvers, else spec.resolvers.servers, else /etc/resolv.conf)",
                        "to go on: run the file again, it picks up the domains without an outcome;",
                        "          the log says what went wrong");
    }

    @Test
    void aRunStoppedBeforePublishingHasNoCountsToShow() {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        s.phase = RunPhase.Failed;
        s.message = "interrupted (SIGINT)";
        s.startTime = "2026-12-05T09:59:59Z";

        assertThat(EndOfRunSummary.lines(s, NOW)).first().isEqualTo("Failed: interrupted (SIGINT)");
        assertThat(EndOfRunSummary.lines(s, NOW)).noneMatch(l -> l.startsWith("domains:"));
    }

    @Test
    void everyLineFitsAnEightyColumnTerminalForATypicalRun() {
        DnsExtractionRunStatus s =
                status(
                        RunPhase.Succeeded,
                        "every selected domain has an outcome",
                        95_000,
                        5_000,
                        Map.of("resolved", 90_000L, "nxdomain", 5_000L, "timeout", 5_000L));

        assertThat(EndOfRunSummary.lines(s, NOW))
                .allSatisfy(l -> assertThat(l).hasSizeLessThan(80));
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"4.24, 4.2 s", "59.9, 59.9 s", "185, 3 min 05 s", "7620, 2 h 07 min"})
    void aDurationReadsInTheUnitThatSuitsIt(double seconds, String shown) {
        assertThat(EndOfRunSummary.duration(seconds)).isEqualTo(shown);
    }
}
