/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionSchedule;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The absolute time a run's "not extracted since" selection means: the fixed one, or, for a
 * relative one ({@code notExtractedWithin}), that span before the time the run was scheduled for
 * or, without a schedule, created. Counted from the run's own times, never from "now", so that
 * every attempt, a restart or a re-apply selects the same domains.
 */
public final class SelectionWindow {
    private SelectionWindow() {}

    /** RFC 3339, or null when the selection has no such bound. */
    public static String since(DnsExtractionRun run) {
        DomainSelection sel = run.getSpec().selection;
        if (sel == null) {
            return null;
        }
        if (sel.mode == DomainSelection.Mode.NotExtractedSince) {
            return sel.notExtractedSince;
        }
        if (sel.mode != DomainSelection.Mode.NotExtractedWithin || sel.notExtractedWithin == null) {
            return null;
        }
        Instant from = reference(run);
        return from == null ? null : from.minus(span(sel.notExtractedWithin)).toString();
    }

    /** What a relative selection resolved to, for the status; null for any other selection. */
    public static String relative(DnsExtractionRun run) {
        DomainSelection sel = run.getSpec() == null ? null : run.getSpec().selection;
        return sel != null && sel.mode == DomainSelection.Mode.NotExtractedWithin
                ? since(run)
                : null;
    }

    /** {@code 90m}, {@code 36h}, {@code 30d} as a duration. */
    static Duration span(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a span: " + text);
        };
    }

    private static Instant reference(DnsExtractionRun run) {
        Map<String, String> annotations = run.getMetadata().getAnnotations();
        String scheduled =
                annotations == null
                        ? null
                        : annotations.get(DnsExtractionSchedule.SCHEDULED_TIME_ANNOTATION);
        for (String t : new String[] {scheduled, run.getMetadata().getCreationTimestamp()}) {
            if (t != null) {
                try {
                    return Instant.parse(t);
                } catch (DateTimeParseException e) {
                    // an annotation a person wrote by hand: fall back to the creation time
                }
            }
        }
        return null;
    }
}
