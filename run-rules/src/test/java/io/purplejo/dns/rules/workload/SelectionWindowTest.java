/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionSchedule;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.config.PublisherOptions;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectionWindowTest {
    private static DnsExtractionRun run(
            DomainSelection.Mode mode, String within, String since, String scheduledFor) {
        DnsExtractionRun run = new DnsExtractionRun();
        ObjectMetaBuilder meta =
                new ObjectMetaBuilder()
                        .withName("r")
                        .withNamespace("ns")
                        .withUid("u")
                        .withCreationTimestamp("2026-12-04T10:00:05Z");
        if (scheduledFor != null) {
            meta.withAnnotations(
                    Map.of(DnsExtractionSchedule.SCHEDULED_TIME_ANNOTATION, scheduledFor));
        }
        run.setMetadata(meta.build());
        run.setSpec(new DnsExtractionRunSpec());
        run.getSpec().selection.mode = mode;
        run.getSpec().selection.notExtractedWithin = within;
        run.getSpec().selection.notExtractedSince = since;
        return run;
    }

    @ParameterizedTest(name = "{0} {1} {2}, scheduled {3} -> since {4}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            NotExtractedWithin, 30d, -,                    -,                    2026-11-04T10:00:05Z
            NotExtractedWithin, 36h, -,                    -,                    2026-12-02T22:00:05Z
            NotExtractedWithin, 90m, -,                    -,                    2026-12-04T08:30:05Z
            NotExtractedWithin, 30d, -,                    2026-12-04T02:00:00Z, 2026-11-04T02:00:00Z
            NotExtractedWithin, 30d, -,                    not-a-time,           2026-11-04T10:00:05Z
            NotExtractedSince,  -,   2026-01-01T00:00:00Z, -,                    2026-01-01T00:00:00Z
            NeverExtracted,     -,   -,                    -,                    -
            """)
    void aRelativeSelectionCountsBackFromTheRunsOwnTimeNeverFromNow(
            DomainSelection.Mode mode,
            String within,
            String since,
            String scheduledFor,
            String expected) {
        DnsExtractionRun run = run(mode, within, since, scheduledFor);

        assertThat(SelectionWindow.since(run)).isEqualTo(expected);
        assertThat(RunEnvironment.publisher(run).get(PublisherOptions.SINCE.envVar()))
                .as("what the publisher is told")
                .isEqualTo(expected);
        assertThat(SelectionWindow.relative(run))
                .as("what the status records")
                .isEqualTo(mode == DomainSelection.Mode.NotExtractedWithin ? expected : null);
    }
}
