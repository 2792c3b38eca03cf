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
public class DomainSelection {
    /** How the domains are chosen. */
    public enum Mode {
        All,
        NeverExtracted,
        NotExtractedSince
    }

    @JsonPropertyDescription(
            "All, NeverExtracted (no definite answer and no record yet: domains that only failed are selected again) or NotExtractedSince.")
    @Default("NeverExtracted")
    public Mode mode = Mode.NeverExtracted;

    @JsonPropertyDescription(
            "RFC 3339 time, with mode NotExtractedSince: domains not extracted since then.")
    @Pattern(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$")
    public String notExtractedSince;

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
