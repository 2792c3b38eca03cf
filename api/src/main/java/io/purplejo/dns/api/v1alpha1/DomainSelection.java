/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Which domains of the {@code domains} table a run resolves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.mode != 'NotExtractedSince' || has(self.notExtractedSince)",
        message = "notExtractedSince is required with mode NotExtractedSince")
@ValidationRule(
        value = "self.mode == 'NotExtractedSince' || !has(self.notExtractedSince)",
        message = "notExtractedSince only goes with mode NotExtractedSince")
@ValidationRule(
        value = "self.mode != 'NotExtractedWithin' || has(self.notExtractedWithin)",
        message = "notExtractedWithin is required with mode NotExtractedWithin")
@ValidationRule(
        value = "self.mode == 'NotExtractedWithin' || !has(self.notExtractedWithin)",
        message = "notExtractedWithin only goes with mode NotExtractedWithin")
@ValidationRule(
        value = "self.mode != 'FailuresOf' || has(self.failuresOf)",
        message = "failuresOf (the run whose failures to retry) is required with mode FailuresOf")
@ValidationRule(
        value = "self.mode == 'FailuresOf' || !has(self.failuresOf)",
        message = "failuresOf only goes with mode FailuresOf")
public class DomainSelection {
    /** How the domains are chosen. */
    public enum Mode {
        All,
        NeverExtracted,
        NotExtractedSince,
        NotExtractedWithin,
        FailuresOf
    }

    @JsonPropertyDescription(
            "All, NeverExtracted (no definite answer and no record yet: domains that only failed are selected again), NotExtractedSince (a fixed time), NotExtractedWithin (a time relative to the run's creation, for manifests kept in Git and schedules), or FailuresOf (the domains whose outcome in the run failuresOf names was a failure: timeout, SERVFAIL, REFUSED, ...).")
    @Default("NeverExtracted")
    public Mode mode = Mode.NeverExtracted;

    @JsonPropertyDescription(
            "RFC 3339 time, with mode NotExtractedSince: domains not extracted since then.")
    @Pattern(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$")
    public String notExtractedSince;

    @JsonPropertyDescription(
            "With mode NotExtractedWithin: domains not extracted within this span before the run was"
                    + " created (or scheduled), in minutes, hours or days: 90m, 36h, 30d. The time it"
                    + " resolves to is in status.selectedSince.")
    @Pattern("^[1-9][0-9]{0,5}[mhd]$")
    public String notExtractedWithin;

    @JsonPropertyDescription(
            "With mode FailuresOf: the name of a run of this namespace (its latest run of that name) whose failed domains this run resolves again.")
    @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
    public String failuresOf;

    @JsonPropertyDescription("Only names equal to or ending with '.' + one of these suffixes.")
    @Size(max = 1000)
    public List<@Pattern("^[A-Za-z0-9._-]{1,253}$") String> suffixes = new ArrayList<>();

    @JsonPropertyDescription(
            "An explicit list of names (inserted into domains when missing); overrides mode.")
    @Size(max = 10000)
    public List<String> domains = new ArrayList<>();

    @JsonPropertyDescription("At most this many domains.")
    @Min(1)
    public Long limit;
}
