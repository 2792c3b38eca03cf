/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** When a schedule starts runs, how runs of one schedule may overlap, and what each run is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DnsExtractionScheduleSpec {
    /** What happens at a scheduled time while a run of this schedule is still going. */
    public enum ConcurrencyPolicy {
        /** Skip the new run. */
        Forbid,
        /** Delete the running one, then start the new one. */
        Replace,
        /** Start the new one beside it. */
        Allow
    }

    @JsonPropertyDescription(
            "Standard cron syntax, five fields: minute hour day-of-month month day-of-week, e.g."
                    + " \"0 2 * * *\" for 02:00 every day.")
    @Required
    @Pattern("^\\S+( +\\S+){4}$")
    public String schedule;

    @JsonPropertyDescription(
            "The IANA time zone the schedule is read in, e.g. Europe/Paris; default UTC. Across a"
                    + " daylight-saving change a time that does not exist is skipped and a time that"
                    + " occurs twice runs once.")
    @Pattern("^[A-Za-z0-9_+/-]{1,64}$")
    public String timeZone;

    @JsonPropertyDescription(
            "Forbid (default: a time is skipped while a run of this schedule is still going),"
                    + " Replace (the running one is deleted first) or Allow (runs overlap).")
    @Default("Forbid")
    public ConcurrencyPolicy concurrencyPolicy = ConcurrencyPolicy.Forbid;

    @JsonPropertyDescription(
            "A time missed by more than this many seconds (the operator was down) is skipped;"
                    + " default: a missed time is caught up whatever its age (only the latest one).")
    @Min(0)
    public Long startingDeadlineSeconds;

    @JsonPropertyDescription("True: no new run is started; runs already going carry on.")
    @Default("false")
    public Boolean suspend = false;

    @JsonPropertyDescription("Succeeded runs kept (the oldest deleted first).")
    @Min(0)
    @Max(100)
    @Default("3")
    public Integer successfulRunsHistoryLimit = 3;

    @JsonPropertyDescription("Failed runs kept (the oldest deleted first).")
    @Min(0)
    @Max(100)
    @Default("1")
    public Integer failedRunsHistoryLimit = 1;

    @JsonPropertyDescription("The run each scheduled time starts.")
    @Required
    public RunTemplate runTemplate = new RunTemplate();
}
