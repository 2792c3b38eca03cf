/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.fabric8.kubernetes.api.model.Condition;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The few lines a person reads when a one-machine run ends: how it ended, how many domains in what
 * time, and the outcome mix split into extracted (a definite answer: {@code status.extracted}) and
 * failed, each outcome by its one name; then what to do next. The full status is {@code -o yaml}.
 */
public final class EndOfRunSummary {
    private EndOfRunSummary() {}

    /** The summary of this status; {@code now} ends a run without a completion time. */
    public static List<String> lines(DnsExtractionRunStatus status, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(
                status.phase
                        + failureReason(status).map(r -> " (" + r + ")").orElse("")
                        + (status.message == null ? "" : ": " + status.message));
        if (status.published != null) {
            lines.add(counts(status, now));
            lines.add(kind("extracted", status.extractedCount(), mix(status.outcomes, false)));
            lines.add(kind("failed", status.failed, mix(status.outcomes, true)));
        }
        boolean failures = status.failed != null && status.failed > 0;
        if (failures && status.extractedCount() != null && status.extractedCount() == 0) {
            lines.add("note: no domain got an answer: are the resolvers reachable?");
            lines.add("      (--resolvers, else spec.resolvers.servers, else /etc/resolv.conf)");
        }
        if (status.phase != RunPhase.Succeeded) {
            lines.add("to go on: run the file again, it picks up the domains without an outcome;");
            lines.add("          the log says what went wrong");
        } else if (failures) {
            lines.add(
                    "to retry the failed domains: run the file again (NeverExtracted selects them)");
        }
        return lines;
    }

    /** The reason of the run's true Failed condition, as kubectl describe shows it. */
    private static Optional<String> failureReason(DnsExtractionRunStatus status) {
        if (status.conditions == null) {
            return Optional.empty();
        }
        return status.conditions.stream()
                .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
                .map(Condition::getReason)
                .filter(r -> r != null && !r.isEmpty())
                .findFirst();
    }

    private static String counts(DnsExtractionRunStatus status, Instant now) {
        Instant started = Instant.parse(status.startTime);
        Instant ended = status.completionTime != null ? Instant.parse(status.completionTime) : now;
        double seconds = Math.max(0.001, Duration.between(started, ended).toMillis() / 1000.0);
        long done =
                (status.extractedCount() == null ? 0 : status.extractedCount())
                        + (status.failed == null ? 0 : status.failed);
        return String.format(
                Locale.ROOT,
                "domains: %s selected, %,d published, in %s (%,.1f/s)",
                status.total == null ? "?" : String.format(Locale.ROOT, "%,d", status.total),
                status.published,
                duration(seconds),
                done / seconds);
    }

    /** " extracted 1,950: resolved 1,800, ..." or " failed 0". */
    private static String kind(String name, Long count, String mix) {
        String head =
                String.format(
                        Locale.ROOT,
                        "  %s %s",
                        name,
                        count == null ? "?" : String.format(Locale.ROOT, "%,d", count));
        return mix.isEmpty() ? head : head + ": " + mix;
    }

    /** The outcomes of one kind with their counts, in the enum's order; "" when none. */
    private static String mix(Map<String, Long> outcomes, boolean failed) {
        StringJoiner joined = new StringJoiner(", ");
        if (outcomes == null) {
            return "";
        }
        for (Outcome o : Outcome.values()) {
            Long n = outcomes.get(o.dbName());
            if (o.failed() == failed && n != null && n > 0) {
                joined.add(String.format(Locale.ROOT, "%s %,d", o.dbName(), n));
            }
        }
        return joined.toString();
    }

    /** 4.2 s, 3 min 05 s, 2 h 07 min. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
