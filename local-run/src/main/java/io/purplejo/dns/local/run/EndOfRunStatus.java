/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.status.RunStatusProjection;
import io.purplejo.dns.rules.status.StatusFacts;
import io.purplejo.dns.rules.workload.SelectionWindow;
import java.time.Instant;
import java.util.List;

/**
 * The status a one-machine run's resource holds when it ends: the facts this process knows, stated
 * as every runner states them, and projected by the {@link RunStatusProjection} the operator uses,
 * so that the same facts give the same status here and on a cluster.
 */
public final class EndOfRunStatus {
    private EndOfRunStatus() {}

    /**
     * The facts a one-machine run knows when it ends, as every runner states them.
     *
     * @param decision the decision the run ended on, with the message to show
     * @param progress the run's counters as last read; null when they could not be read (then no
     *     counter is given, rather than a zero)
     * @param queueReady messages left in the queue, -1 when unknown
     * @param workers the workers still running in this process
     */
    public static StatusFacts facts(
            DnsExtractionRun run,
            PhaseDecision decision,
            RunProgress progress,
            long queueReady,
            String queue,
            int workers) {
        return new StatusFacts(
                decision,
                List.of(),
                null,
                progress,
                queueReady,
                queue,
                null,
                null,
                new StatusFacts.Workers(workers, workers, workers, null),
                null,
                null,
                null,
                null,
                SelectionWindow.relative(run));
    }

    /** The status at {@code ended} of a run that started at {@code started}. */
    public static DnsExtractionRunStatus project(
            DnsExtractionRun run, StatusFacts facts, Instant started, Instant ended) {
        DnsExtractionRunStatus before = new DnsExtractionRunStatus();
        before.startTime = started.toString();
        long generation =
                run.getMetadata().getGeneration() == null ? 1 : run.getMetadata().getGeneration();
        return RunStatusProjection.project(before, generation, facts, ended);
    }
}
