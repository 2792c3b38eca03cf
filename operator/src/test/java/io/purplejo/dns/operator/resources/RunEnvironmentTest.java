/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.rules.workload.RunEnvironment;
import io.purplejo.dns.rules.workload.RunNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {
    private static Map<String, String> plainEnv(Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar v : c.getEnv()) {
            if (v.getValue() != null) {
                env.put(v.getName(), v.getValue());
            }
        }
        return env;
    }

    @Test
    void aDefaultSpecPublishesNeverExtractedDomainsOfEveryTypeWithoutStopMessages() {
        Map<String, String> env = RunEnvironment.publisher(PublisherJobBuilderTest.run());

        assertThat(env)
                .containsEntry("SELECTION_MODE", "never-extracted")
                .containsEntry("WORKER_COUNT", "0")
                .containsEntry("DNS_RECORD_TYPES", "A,AAAA,NS,MX,SOA,CNAME,TXT")
                .containsEntry("MAX_QUEUE_DEPTH", "2000")
                .containsEntry("OUTAGE_TOLERANCE_SECONDS", "300")
                .containsEntry("QUEUE_NAME", RunNames.queue(PublisherJobBuilderTest.run()))
                .doesNotContainKeys(
                        "SELECTION_SINCE",
                        "SELECTION_SUFFIXES",
                        "SELECTION_DOMAINS",
                        "SELECTION_LIMIT",
                        "OUTCOME_RETENTION_DAYS");
    }

    @Test
    void theOutcomeRetentionGoesToThePublisherOnlyWhenSet() {
        DnsExtractionRun run = PublisherJobBuilderTest.run();
        run.getSpec().outcomeRetentionDays = 14;

        assertThat(RunEnvironment.publisher(run)).containsEntry("OUTCOME_RETENTION_DAYS", "14");
    }

    @Test
    void theSelectionIsPassedWhole() {
        DnsExtractionRun run = PublisherJobBuilderTest.run();
        run.getSpec().selection.mode = DomainSelection.Mode.NotExtractedSince;
        run.getSpec().selection.notExtractedSince = "2026-01-01T00:00:00Z";
        run.getSpec().selection.suffixes = List.of("de", "fr");
        run.getSpec().selection.domains = List.of("a.example", "b.example");
        run.getSpec().selection.limit = 50L;
        run.getSpec().recordTypes = List.of(RecordType.MX, RecordType.A);

        assertThat(RunEnvironment.publisher(run))
                .containsEntry("SELECTION_MODE", "not-extracted-since")
                .containsEntry("SELECTION_SINCE", "2026-01-01T00:00:00Z")
                .containsEntry("SELECTION_SUFFIXES", "de,fr")
                .containsEntry("SELECTION_DOMAINS", "a.example,b.example")
                .containsEntry("SELECTION_LIMIT", "50")
                .containsEntry("DNS_RECORD_TYPES", "MX,A");
    }

    @Test
    void workersGetTheSpecsResolversOnlyWhenItNamesSome() {
        DnsExtractionRun run = PublisherJobBuilderTest.run();
        assertThat(RunEnvironment.worker(run))
                .doesNotContainKey("DNS_RESOLVERS")
                .containsEntry("CONCURRENCY", "500")
                .containsEntry("PREFETCH", "800");

        run.getSpec().resolvers.servers = List.of("10.0.0.53", "10.0.0.54:5353");
        assertThat(RunEnvironment.worker(run))
                .containsEntry("DNS_RESOLVERS", "10.0.0.53,10.0.0.54:5353");
    }

    @Test
    void theJobAndTheDeploymentCarryExactlyThisEnvironment() {
        DnsExtractionRun run = PublisherJobBuilderTest.run();
        Container publisher =
                PublisherJobBuilder.build(run, PublisherJobBuilderTest.SETTINGS, 1)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
        Container worker =
                WorkerDeploymentBuilder.build(run, PublisherJobBuilderTest.SETTINGS, 1)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);

        assertThat(plainEnv(publisher)).isEqualTo(RunEnvironment.publisher(run));
        assertThat(plainEnv(worker)).isEqualTo(RunEnvironment.worker(run));
    }
}
