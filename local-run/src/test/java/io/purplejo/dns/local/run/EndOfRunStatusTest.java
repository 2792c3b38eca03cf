/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.phase.PhaseReason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndOfRunStatusTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T10:00:10Z");

    private static DnsExtractionRun run() {
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder().withName("r").withNamespace("local").withUid("u").build());
        run.setSpec(new DnsExtractionRunSpec());
        return run;
    }

    private static String condition(DnsExtractionRunStatus s, String type) {
        return s.conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .map(Condition::getStatus)
                .findFirst()
                .orElseThrow();
    }

    /** The status of a run as this process ends it, with {@code message} shown when not null. */
    private static DnsExtractionRunStatus status(
            DnsExtractionRun run,
            PhaseDecision decision,
            String message,
            RunProgress progress,
            String queue,
            long ready,
            int workers,
            Instant started,
            Instant ended) {
        PhaseDecision shown =
                message == null
                        ? decision
                        : new PhaseDecision(decision.phase(), decision.reason(), message);
        return EndOfRunStatus.project(
                run,
                EndOfRunStatus.facts(run, shown, progress, ready, queue, workers),
                started,
                ended);
    }

    @Test
    void aSucceededRunHoldsItsCountersByOutcomeAndTheConditionKubectlWaitReads() {
        RunProgress p =
                new RunProgress(
                        7,
                        "published",
                        100L,
                        100,
                        Map.of(Outcome.RESOLVED, 90L, Outcome.NXDOMAIN, 5L, Outcome.TIMEOUT, 5L));

        DnsExtractionRunStatus s =
                status(
                        run(),
                        new PhaseDecision(RunPhase.Succeeded, PhaseReason.COMPLETED, "done"),
                        null,
                        p,
                        "q",
                        0,
                        2,
                        START,
                        END);

        assertThat(s.phase).isEqualTo(RunPhase.Succeeded);
        assertThat(s.message).isEqualTo("done");
        assertThat(s.total).isEqualTo(100);
        assertThat(s.extracted).isEqualTo(95);
        assertThat(s.resolved).as("the deprecated name mirrors it").isEqualTo(95);
        assertThat(s.failed).isEqualTo(5);
        assertThat(s.outcomes)
                .containsExactly(
                        Map.entry("resolved", 90L),
                        Map.entry("nxdomain", 5L),
                        Map.entry("timeout", 5L));
        assertThat(s.completionTime).isEqualTo(END.toString());
        assertThat(condition(s, "Complete")).isEqualTo("True");
        assertThat(condition(s, "Failed")).isEqualTo("False");
        assertThat(s.conditions)
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(1L));
    }

    @Test
    void unreadableCountersAreLeftOutNotReportedAsZero() {
        DnsExtractionRunStatus s =
                status(
                        run(),
                        new PhaseDecision(
                                RunPhase.Resolving, PhaseReason.PROGRESS_UNKNOWN, "cannot read"),
                        "interrupted",
                        null,
                        "q",
                        -1,
                        1,
                        START,
                        END);

        assertThat(s.total).isNull();
        assertThat(s.published).isNull();
        assertThat(s.extracted).isNull();
        assertThat(s.resolved).isNull();
        assertThat(s.failed).isNull();
        assertThat(s.outcomes).isNull();
        assertThat(s.queueDepth).isNull();
        assertThat(s.rate).isNull();
        assertThat(s.completionTime).as("not finished").isNull();
        assertThat(s.message).isEqualTo("interrupted");
        assertThat(condition(s, "Complete")).isEqualTo("False");
        assertThat(condition(s, "Progressing")).isEqualTo("True");
    }

    @Test
    void aFailedRunSaysWhyInItsMessageAndFailedCondition() {
        DnsExtractionRunStatus s =
                status(
                        run(),
                        new PhaseDecision(
                                RunPhase.Failed,
                                PhaseReason.PUBLISHER_FAILED,
                                "the publisher Job failed"),
                        "the publisher failed: no domains table",
                        null,
                        "q",
                        0,
                        0,
                        START,
                        END);

        assertThat(condition(s, "Failed")).isEqualTo("True");
        assertThat(s.conditions)
                .filteredOn(c -> c.getType().equals("Failed"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.getReason()).isEqualTo("PublisherFailed");
                            assertThat(c.getMessage())
                                    .isEqualTo("the publisher failed: no domains table");
                        });
    }
}
