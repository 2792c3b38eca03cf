/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.WorkerCounts;
import io.purplejo.dns.operator.phase.PhaseDecision;
import io.purplejo.dns.operator.status.RunConditions;
import io.purplejo.dns.operator.status.StatusProjection;
import io.purplejo.dns.progress.RunProgress;
import java.time.Instant;
import java.util.List;

/**
 * The status a local run's resource would hold when it ends: phase, message, counters by outcome,
 * queue, times and the conditions {@code kubectl wait} reads (no rate: a finished run has none, as
 * on a cluster). Pure: built from what the run observed last.
 */
final class LocalStatus {
    private LocalStatus() {}

    /**
     * @param progress the run's counters as last read; null when they could not be read (then no
     *     counter is given, rather than a zero)
     * @param message what to say; the phase decision's message when null
     */
    static DnsExtractionRunStatus of(
            DnsExtractionRun run,
            PhaseDecision decision,
            String message,
            RunProgress progress,
            String queueName,
            long queue,
            int workers,
            Instant started,
            Instant ended) {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        RunPhase phase = decision.phase();
        long generation =
                run.getMetadata().getGeneration() == null ? 1 : run.getMetadata().getGeneration();
        s.phase = phase;
        s.message = message != null ? message : decision.message();
        s.observedGeneration = generation;
        s.startTime = started.toString();
        s.completionTime = phase.finished() ? ended.toString() : null;
        s.queue = queueName;
        if (progress != null) {
            StatusProjection.counters(s, progress);
        } else {
            s.outcomes = null;
        }
        s.queueDepth = queue >= 0 ? queue : null;
        s.workers = new WorkerCounts(workers, workers);
        s.conditions =
                RunConditions.forPhase(
                        List.of(), phase, decision.reason(), s.message, null, generation, ended);
        return s;
    }
}
