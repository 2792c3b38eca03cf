/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.names.DomainName;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which domains a run resolves: a mode (all, never extracted, not extracted since a time),
 * optionally narrowed to name suffixes, or an explicit list of names; and an upper limit. The same
 * selection the {@code DnsExtractionRun} spec expresses.
 */
public record Selection(
        Mode mode,
        Instant since,
        List<String> suffixes,
        List<String> names,
        Long limit,
        String failuresOf) {

    /** How domains of the table are chosen. */
    public enum Mode {
        ALL,
        NEVER_EXTRACTED,
        NOT_EXTRACTED_SINCE,
        /** The domains whose outcome in an earlier run was a failure: that run's retry. */
        FAILURES_OF;

        static Mode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "all" -> ALL;
                case "never-extracted", "neverextracted" -> NEVER_EXTRACTED;
                case "not-extracted-since", "notextractedsince" -> NOT_EXTRACTED_SINCE;
                case "failures-of", "failuresof" -> FAILURES_OF;
                default ->
                        throw new InvalidConfigurationException(
                                "selection '"
                                        + s
                                        + "' is not one of all, never-extracted, not-extracted-since,"
                                        + " failures-of");
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public Selection {
        suffixes = List.copyOf(suffixes);
        names = List.copyOf(names);
    }

    /**
     * Builds and checks a selection from its option values; throws {@link
     * InvalidConfigurationException} saying what is wrong.
     */
    public static Selection of(
            String mode, String since, List<String> suffixes, List<String> names, Long limit) {
        return of(mode, since, suffixes, names, limit, null);
    }

    /**
     * As {@link #of(String, String, List, List, Long)}, with the run ({@code namespace/name}) whose
     * failures {@code failures-of} selects.
     */
    public static Selection of(
            String mode,
            String since,
            List<String> suffixes,
            List<String> names,
            Long limit,
            String failuresOf) {
        Mode m = Mode.parse(mode == null ? "all" : mode);
        Instant t = null;
        if (m == Mode.NOT_EXTRACTED_SINCE) {
            if (since == null || since.isBlank()) {
                throw new InvalidConfigurationException(
                        "selection not-extracted-since needs --since (an RFC 3339 time)");
            }
            try {
                t = Instant.parse(since.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidConfigurationException(
                        "--since '"
                                + since
                                + "' is not an RFC 3339 time such as"
                                + " 2026-01-31T00:00:00Z");
            }
        } else if (since != null && !since.isBlank()) {
            throw new InvalidConfigurationException(
                    "--since only goes with the not-extracted-since selection");
        }
        List<String> cleanSuffixes = new ArrayList<>();
        for (String s : suffixes) {
            String v = s.trim().toLowerCase(Locale.ROOT);
            while (v.startsWith(".")) {
                v = v.substring(1);
            }
            if (v.isEmpty()) {
                continue;
            }
            DomainName.Parsed p = DomainName.parse(v);
            if (!p.valid()) {
                throw new InvalidConfigurationException(
                        "suffix '" + s + "' is not a valid domain suffix: " + p.invalidReason());
            }
            cleanSuffixes.add(p.name().stored());
        }
        if (limit != null && limit < 1) {
            throw new InvalidConfigurationException("--limit must be at least 1");
        }
        String run = failuresOf == null || failuresOf.isBlank() ? null : failuresOf.trim();
        if (m == Mode.FAILURES_OF && run == null) {
            throw new InvalidConfigurationException(
                    "selection failures-of needs --failures-of (the run, namespace/name)");
        }
        if (m != Mode.FAILURES_OF && run != null) {
            throw new InvalidConfigurationException(
                    "--failures-of only goes with the failures-of selection");
        }
        return new Selection(m, t, cleanSuffixes, names, limit, run);
    }

    public boolean explicit() {
        return !names.isEmpty();
    }

    /**
     * The selection as stored in {@code dnsx_runs.selection}, to detect a resumed run with another
     * selection.
     */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("mode", mode.name());
        if (since != null) {
            o.put("since", since.toString());
        }
        ArrayNode s = o.putArray("suffixes");
        suffixes.forEach(s::add);
        o.put("explicitNames", names.size());
        if (limit != null) {
            o.put("limit", limit);
        }
        if (failuresOf != null) {
            o.put("failuresOf", failuresOf);
        }
        return o.toString();
    }

    /**
     * Whether a stored selection is this one (explicit names are compared by count; they are in
     * dnsx_run_members).
     */
    public boolean sameAs(String storedJson) {
        try {
            JsonNode a = JSON.readTree(toJson());
            JsonNode b = JSON.readTree(storedJson);
            return a.equals(b);
        } catch (Exception e) {
            return false;
        }
    }
}
