/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Recurring extractions, as a CronJob is for Jobs: at each time its schedule names, a {@link
 * DnsExtractionRun} made from its template, named after the schedule and the time.
 */
@Group(DnsExtractionRun.GROUP)
@Version(DnsExtractionRun.VERSION)
@ShortNames({"dnsschedule", "dxs"})
@Categories("dnsextraction")
@AdditionalPrinterColumn(
        name = "Schedule",
        jsonPath = ".spec.schedule",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Timezone",
        jsonPath = ".spec.timeZone",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Suspend",
        jsonPath = ".spec.suspend",
        type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
        name = "Active",
        jsonPath = ".status.activeCount",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Last Schedule",
        jsonPath = ".status.lastScheduleTime",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Last Success",
        jsonPath = ".status.lastSuccessfulTime",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(
        value = "self.metadata.name.size() <= 52",
        message =
                "a schedule's name has at most 52 characters: its runs are named"
                        + " <schedule>-<minutes since the epoch> and labelled with it, and a label"
                        + " value has at most 63")
public class DnsExtractionSchedule
        extends CustomResource<DnsExtractionScheduleSpec, DnsExtractionScheduleStatus>
        implements Namespaced {
    /** The label on each run a schedule created: the schedule's name. */
    public static final String SCHEDULE_LABEL = DnsExtractionRun.GROUP + "/schedule";

    /** The annotation on each run a schedule created: the time it was scheduled for (RFC 3339). */
    public static final String SCHEDULED_TIME_ANNOTATION =
            DnsExtractionRun.GROUP + "/scheduled-time";

    /** The spec is required: a schedule without one is refused by the API server. */
    @Override
    @Required
    public DnsExtractionScheduleSpec getSpec() {
        return super.getSpec();
    }

    @Override
    protected DnsExtractionScheduleStatus initStatus() {
        return new DnsExtractionScheduleStatus();
    }
}
