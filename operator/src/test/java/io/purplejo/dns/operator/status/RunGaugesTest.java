/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.backend.QueueReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunGaugesTest {
    @ParameterizedTest(name = "total {0}, extracted {1}, failed {2}, rate {3} -> {4}")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            1000, 400, 100, 10.0, 50.0
            1000, 400, 100, 0.0,  NaN
            1000, 400, 100, -,    NaN
            -,    400, 100, 10.0, NaN
            1000, -,   100, 10.0, NaN
            1000, 990, 20,  10.0, 0.0
            """)
    void theEtaIsTheDomainsLeftOverTheRateAndUnknownIsNaN(
            Long total, Long extracted, Long failed, String rate, double expected) {
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        s.total = total;
        s.extracted = extracted;
        s.failed = failed;
        s.rate = rate;

        assertThat(Double.valueOf(RunGauges.etaSeconds(s))).isEqualTo(Double.valueOf(expected));
    }

    @Test
    void aRunsSeriesCarryItsNamespaceAndNameAndGoWithIt() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunGauges gauges = new RunGauges(registry);
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder().withNamespace("team-a").withName("nightly").build());
        DnsExtractionRunStatus s = new DnsExtractionRunStatus();
        s.phase = RunPhase.Resolving;
        s.total = 10L;

        gauges.update(run, s, new QueueReading.Known(7, 2, 3));

        assertThat(registry.scrape())
                .contains("dnsx_run_selected_domains{namespace=\"team-a\",run=\"nightly\"} 10.0")
                .contains("dnsx_run_queue_consumers{namespace=\"team-a\",run=\"nightly\"} 2.0")
                .contains(
                        "dnsx_run_dead_lettered_messages{namespace=\"team-a\",run=\"nightly\"} 3.0")
                .contains(
                        "dnsx_run_phase{namespace=\"team-a\",phase=\"Resolving\",run=\"nightly\"} 1.0")
                .contains("dnsx_run_published_domains{namespace=\"team-a\",run=\"nightly\"} NaN");

        gauges.update(run, s, new QueueReading.NotRead());
        assertThat(registry.scrape())
                .as("a queue not read is unknown, not empty")
                .contains("dnsx_run_queue_consumers{namespace=\"team-a\",run=\"nightly\"} NaN");

        gauges.remove(run);
        assertThat(registry.scrape()).doesNotContain("nightly");
    }

    @Test
    void extractedDomainsAreReadUnderTheFormerFieldFromAnOlderOperatorsStatus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunGauges gauges = new RunGauges(registry);
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("old").build());
        DnsExtractionRunStatus written = new DnsExtractionRunStatus();
        written.phase = RunPhase.Resolving;
        written.total = 100L;
        written.resolved = 40L; // all a status written before `extracted` existed has
        written.failed = 10L;
        written.rate = "5.0";

        gauges.update(run, written, new QueueReading.NotRead());

        assertThat(registry.scrape())
                .contains("dnsx_run_extracted_domains{namespace=\"ns\",run=\"old\"} 40.0")
                .contains("dnsx_run_resolved_domains{namespace=\"ns\",run=\"old\"} 40.0")
                .contains("dnsx_run_done_domains{namespace=\"ns\",run=\"old\"} 50.0");
        assertThat(RunGauges.etaSeconds(written)).isEqualTo(10.0);
    }
}
