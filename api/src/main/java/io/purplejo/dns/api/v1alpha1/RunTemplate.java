/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run a schedule starts: its labels and annotations, and its spec. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RunTemplate {
    @JsonPropertyDescription("Labels of each run, beside the schedule's own label.")
    public Map<String, String> labels = new LinkedHashMap<>();

    @JsonPropertyDescription("Annotations of each run.")
    public Map<String, String> annotations = new LinkedHashMap<>();

    @JsonPropertyDescription(
            "The spec of each run, as a DnsExtractionRun's. A relative selection (mode"
                    + " NotExtractedWithin) is resolved when each run is created.")
    @Required
    public DnsExtractionRunSpec spec;
}
