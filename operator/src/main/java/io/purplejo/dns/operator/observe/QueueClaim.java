/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import io.purplejo.dns.rules.workload.RunNames;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Who owns a queue, the one answer to both "may this run use its queue" and "may it delete the
 * queue it claimed". A run claims its queue in {@code status.queue} when its first attempt starts;
 * before that, of runs that name the same queue, the older one (then the smaller uid) wins, so that
 * two runs starting at once agree. Pure: built from the run and the others the operator knows.
 */
public final class QueueClaim {
    private static final Comparator<DnsExtractionRun> OLDER_FIRST =
            Comparator.comparing(
                            (DnsExtractionRun r) ->
                                    r.getMetadata().getCreationTimestamp() == null
                                            ? Instant.MAX
                                            : Instant.parse(r.getMetadata().getCreationTimestamp()))
                    .thenComparing(r -> r.getMetadata().getUid());

    private final DnsExtractionRun run;
    private final List<DnsExtractionRun> others;

    private QueueClaim(DnsExtractionRun run, List<DnsExtractionRun> others) {
        this.run = run;
        this.others = others;
    }

    /**
     * Which run holds the run's queue, among the runs the operator knows.
     *
     * @param known the runs the operator knows (this one among them or not)
     */
    public static QueueClaim of(DnsExtractionRun run, Collection<DnsExtractionRun> known) {
        return new QueueClaim(
                run,
                known.stream()
                        .filter(
                                o ->
                                        !Objects.equals(
                                                o.getMetadata().getUid(),
                                                run.getMetadata().getUid()))
                        .toList());
    }

    /**
     * Why this run may not use the queue its spec names: another run claimed it, or names it and is
     * older; null when it may (it claimed the queue itself, or nobody else wants it).
     */
    public RunProblem conflict() {
        if (run.getSpec() == null) {
            return null;
        }
        String queue = RunNames.queue(run);
        if (queue.equals(claimed(run))) {
            return null;
        }
        return others.stream()
                .filter(other -> other.getSpec() != null && queue.equals(RunNames.queue(other)))
                .filter(
                        other ->
                                queue.equals(claimed(other)) || OLDER_FIRST.compare(other, run) < 0)
                .findFirst()
                .map(
                        other ->
                                new RunProblem(
                                        ProblemReason.QUEUE_IN_USE,
                                        "queue "
                                                + queue
                                                + " is used by run "
                                                + RunNames.runKey(other)
                                                + "; set another spec.queueName or leave it"
                                                + " empty for a queue of this run's own"))
                .orElse(null);
    }

    /**
     * The queue this run may delete when it goes: the one it claimed, unless another run claims the
     * same queue now; null when there is none.
     */
    public String deletable() {
        String queue = claimed(run);
        if (queue == null) {
            return null;
        }
        boolean shared = others.stream().anyMatch(o -> queue.equals(claimed(o)));
        return shared ? null : queue;
    }

    private static String claimed(DnsExtractionRun r) {
        return r.getStatus() == null ? null : r.getStatus().queue;
    }
}
