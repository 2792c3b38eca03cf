/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.local.run.EndOfRunStatus;
import io.purplejo.dns.operator.decide.PublisherPlan;
import io.purplejo.dns.operator.decide.RunDecision;
import io.purplejo.dns.operator.decide.WorkerPlan;
import io.purplejo.dns.operator.observe.RunObservation;
import io.purplejo.dns.operator.scaling.ScalingDecision;
import io.purplejo.dns.operator.status.StatusProjection;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.backend.ProgressReading;
import io.purplejo.dns.rules.backend.QueueReading;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.phase.PhaseReason;
import io.purplejo.dns.rules.status.RateWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator and the one-machine run state what they know in their own terms (a Job and a
 * Deployment; threads of one process); given the same facts of a finished run, both show the same
 * status, because both project it with the run rules' one projection.
 */
class BothRunnersStatusTest {
    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-12-01T10:05:00Z");

    static Stream<Arguments> endings() {
        RunProgress resolved =
                new RunProgress(
                        7,
                        "published",
                        100L,
                        100,
                        Map.of(Outcome.RESOLVED, 90L, Outcome.NXDOMAIN, 5L, Outcome.TIMEOUT, 5L));
        RunProgress nothing =
                new RunProgress(7, "published", 10L, 10, Map.of(Outcome.TIMEOUT, 10L));
        return Stream.of(
                Arguments.of(
                        new PhaseDecision(RunPhase.Succeeded, PhaseReason.COMPLETED, "done"),
                        resolved,
                        0L),
                Arguments.of(
                        new PhaseDecision(
                                RunPhase.Failed,
                                PhaseReason.NOTHING_EXTRACTED,
                                "the resolvers never answered"),
                        nothing,
                        0L),
                Arguments.of(
                        new PhaseDecision(
                                RunPhase.Failed, PhaseReason.DEADLINE_EXCEEDED, "too long"),
                        null,
                        -1L));
    }

    @ParameterizedTest
    @MethodSource("endings")
    void theSameFactsGiveTheSameStatusOnAClusterAndOnOneMachine(
            PhaseDecision decision, RunProgress progress, long queueReady) {
        DnsExtractionRun run = run();

        DnsExtractionRunStatus onOneMachine =
                EndOfRunStatus.project(
                        run,
                        EndOfRunStatus.facts(run, decision, progress, queueReady, "q", 0),
                        STARTED,
                        ENDED);

        DnsExtractionRunStatus before = new DnsExtractionRunStatus();
        before.startTime = STARTED.toString();
        before.phase = RunPhase.Resolving;
        before.queue = "q";
        run.setStatus(before);
        RunObservation observation =
                new RunObservation(
                        null,
                        List.of(),
                        0,
                        null,
                        null,
                        progress == null
                                ? new ProgressReading.NotRead()
                                : new ProgressReading.Known(progress),
                        queueReady < 0
                                ? new QueueReading.NotRead()
                                : new QueueReading.Known(queueReady, 0, 0),
                        null);
        RunDecision decided =
                new RunDecision(
                        decision,
                        new ScalingDecision(0, null, "run complete", false),
                        new PublisherPlan(null, List.of(), null, null, 0, null),
                        new WorkerPlan(WorkerPlan.Action.NONE, null, 0),
                        List.of(),
                        "q",
                        null,
                        null);
        DnsExtractionRunStatus onACluster =
                StatusProjection.project(
                        run, observation, decided, new RateWindow(Duration.ofSeconds(30)), ENDED);

        assertThat(onACluster).isEqualTo(onOneMachine);
        assertThat(onACluster.phase).isEqualTo(decision.phase());
        assertThat(onACluster.conditions).isNotEmpty();
    }

    private static DnsExtractionRun run() {
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder()
                        .withName("r")
                        .withNamespace("local")
                        .withUid("u")
                        .withGeneration(1L)
                        .build());
        run.setSpec(new DnsExtractionRunSpec());
        return run;
    }
}
