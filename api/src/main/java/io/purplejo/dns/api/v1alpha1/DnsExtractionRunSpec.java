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
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run extracts and with which resources; selection, record types and queue are fixed once it
 * starts, every other field takes effect on the running run (the worker Deployment rolls, the
 * publisher is replaced by a new attempt that resumes from its checkpoint).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.queueName) == has(oldSelf.queueName)",
        message =
                "queueName cannot be added or removed after the run is created; create a new DnsExtractionRun")
@ValidationRule(
        value = "has(self.selection) == has(oldSelf.selection)",
        message =
                "selection cannot be added or removed after the run is created; create a new DnsExtractionRun")
public class DnsExtractionRunSpec {
    @JsonPropertyDescription(
            "Which domains of the domains table the run resolves. Fixed once the run starts.")
    @ValidationRule(
            value = "self == oldSelf",
            message = "selection cannot change after the run starts; create a new DnsExtractionRun")
    public DomainSelection selection = new DomainSelection();

    @JsonPropertyDescription("Record types to extract. Fixed once the run starts.")
    @Size(min = 1, max = 7)
    @Default("[\"A\",\"AAAA\",\"NS\",\"MX\",\"SOA\",\"CNAME\",\"TXT\"]")
    @ValidationRule(
            value = "self == oldSelf",
            message =
                    "recordTypes cannot change after the run starts; create a new DnsExtractionRun")
    public List<RecordType> recordTypes = new ArrayList<>(List.of(RecordType.values()));

    @JsonPropertyDescription("The recursive resolvers the workers query, and how hard.")
    public ResolverSpec resolvers = new ResolverSpec();

    @JsonPropertyDescription("Bounds and tuning of the worker Deployment.")
    public WorkerSpec workers = new WorkerSpec();

    @JsonPropertyDescription("Images of the publisher and the workers.")
    public ImageSpec images = new ImageSpec();

    @JsonPropertyDescription(
            "Resources of each worker pod, as a container's (kubectl explain pod.spec.containers.resources).")
    public ResourceRequirements workerResources;

    @JsonPropertyDescription(
            "Resources of the publisher pod, as a container's (kubectl explain pod.spec.containers.resources).")
    public ResourceRequirements publisherResources;

    @Required
    @JsonPropertyDescription(
            "Secret key holding the PostgreSQL DSN (postgresql://user:pass@host:5432/db).")
    public SecretKeyRef postgresDsnSecret;

    @Required
    @JsonPropertyDescription(
            "Secret key holding the RabbitMQ URL (amqp://user:pass@host:5672/vhost).")
    public SecretKeyRef rabbitmqUrlSecret;

    @JsonPropertyDescription(
            "Queue of the run; default dnsx.<namespace>.<name>.<first 8 characters of the uid>."
                    + " A queue another live run uses is refused. Removed when the run is deleted, unless annotated"
                    + " dns.purplejo.io/keep-queue=true. Fixed once the run is created.")
    @Pattern("^[A-Za-z0-9._:-]{1,200}$")
    @ValidationRule(
            value = "self == oldSelf",
            message =
                    "queueName cannot change after the run is created; create a new DnsExtractionRun")
    public String queueName;

    @JsonPropertyDescription(
            "TLS towards RabbitMQ for amqps:// URLs: certificates are verified by default.")
    public RabbitmqTlsSpec rabbitmqTls;

    @JsonPropertyDescription("Placement and metadata of the run's pods (workers and publisher).")
    public PodOptions pods;

    @JsonPropertyDescription(
            "Suspends the run: workers scale to zero and the publisher Job is suspended.")
    @Default("false")
    public Boolean suspend = false;

    @JsonPropertyDescription(
            "This many seconds after the run finished, its publisher Jobs, worker Deployment and queue"
                    + " are removed; the run and its final status stay (a GitOps tool re-applying it"
                    + " starts nothing), unless deleteRunAfterTtl is true.")
    @Min(0)
    public Integer ttlSecondsAfterFinished;

    @JsonPropertyDescription(
            "With ttlSecondsAfterFinished: delete the run object itself too. Do not set it on runs a"
                    + " GitOps tool manages: it would create the run again from Git, a new run.")
    @Default("false")
    public Boolean deleteRunAfterTtl = false;

    @JsonPropertyDescription(
            "Fails the run when it has not finished this many seconds after it started.")
    @Min(1)
    public Long activeDeadlineSeconds;

    @JsonPropertyDescription(
            "Set to a new value to start a new attempt of a Failed run: it resumes where the"
                    + " failed attempt stopped (published domains are not published again).")
    @Size(max = 63)
    public String retry;

    @JsonPropertyDescription(
            "Seconds the publisher rides out a PostgreSQL or RabbitMQ outage before its attempt"
                    + " fails.")
    @Min(0)
    @Max(86400)
    @Default("300")
    public Integer outageToleranceSeconds = 300;

    @JsonPropertyDescription(
            "Days the run's per-domain outcomes are kept after the last one was stored; then the"
                    + " publisher of any later run drops them at once (the run's counters stay). Unset: kept for ever.")
    @Min(1)
    @Max(36500)
    public Integer outcomeRetentionDays;

    @JsonPropertyDescription("Retries of the publisher Job's pod before the run fails.")
    @Min(0)
    @Max(20)
    @Default("3")
    public Integer publisherBackoffLimit = 3;
}
