/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed of a schedule: its runs, its times and its conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DnsExtractionScheduleStatus {
    @JsonPropertyDescription("The runs of this schedule that have not finished.")
    public List<String> active = new ArrayList<>();

    @JsonPropertyDescription("How many runs of this schedule have not finished.")
    public Integer activeCount;

    @JsonPropertyDescription("The time the latest run was scheduled for (RFC 3339).")
    public String lastScheduleTime;

    @JsonPropertyDescription("The time the latest Succeeded run was scheduled for (RFC 3339).")
    public String lastSuccessfulTime;

    @JsonPropertyDescription("The next time a run is due (RFC 3339); absent while suspended.")
    public String nextScheduleTime;

    @JsonPropertyDescription("What the schedule did last, for a person.")
    public String message;

    @JsonPropertyDescription("The spec generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription(
            "Ready (the schedule is valid and starts runs), Stalled (it cannot: an invalid"
                    + " schedule or time zone) and Reconciling, as GitOps tools read them.")
    public List<Condition> conditions = new ArrayList<>();

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsExtractionScheduleStatus s
                && Objects.equals(active, s.active)
                && Objects.equals(activeCount, s.activeCount)
                && Objects.equals(lastScheduleTime, s.lastScheduleTime)
                && Objects.equals(lastSuccessfulTime, s.lastSuccessfulTime)
                && Objects.equals(nextScheduleTime, s.nextScheduleTime)
                && Objects.equals(message, s.message)
                && Objects.equals(observedGeneration, s.observedGeneration)
                && Objects.equals(conditions, s.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(active, lastScheduleTime, lastSuccessfulTime, message, conditions);
    }
}
