/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One DNS extraction run: which domains and record types to resolve, with what, and how it is
 * going.
 */
@Group(DnsExtractionRun.GROUP)
@Version(DnsExtractionRun.VERSION)
@ShortNames({"dnsrun", "dxr"})
@Categories("dnsextraction")
@AdditionalPrinterColumn(
        name = "Phase",
        jsonPath = ".status.phase",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Published",
        jsonPath = ".status.published",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Extracted",
        jsonPath = ".status.extracted",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Failed-Domains",
        jsonPath = ".status.failed",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Workers",
        jsonPath = ".status.workers.ready",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Rate",
        jsonPath = ".status.rate",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "Total",
        jsonPath = ".status.total",
        type = AdditionalPrinterColumn.Type.INTEGER,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Queue",
        jsonPath = ".status.queueDepth",
        type = AdditionalPrinterColumn.Type.INTEGER,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Desired",
        jsonPath = ".status.workers.desired",
        type = AdditionalPrinterColumn.Type.INTEGER,
        priority = 1)
@AdditionalPrinterColumn(
        name = "ETA",
        jsonPath = ".status.eta",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Message",
        jsonPath = ".status.message",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
public class DnsExtractionRun extends CustomResource<DnsExtractionRunSpec, DnsExtractionRunStatus>
        implements Namespaced {
    public static final String GROUP = "dns.purplejo.io";
    public static final String VERSION = "v1alpha1";

    /** Annotation that, set to "true", makes deleting the run leave its queue in RabbitMQ. */
    public static final String KEEP_QUEUE_ANNOTATION = GROUP + "/keep-queue";

    /** The spec is required: a run without one is refused by the API server. */
    @Override
    @Required
    public DnsExtractionRunSpec getSpec() {
        return super.getSpec();
    }

    @Override
    protected DnsExtractionRunStatus initStatus() {
        return new DnsExtractionRunStatus();
    }
}
