/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.lookup.RecordTypeNames;
import io.purplejo.dns.outcome.Outcome;
import org.junit.jupiter.api.Test;

/** The worker's series a scrape finds, before and after work. */
class WorkerMetricsTest {

    @Test
    void everySupportedTypeAndOutcomeHasALookupSeriesFromZeroBeforeTheFirstDomain() {
        String scraped = new WorkerMetrics().scrape();

        for (String type : RecordTypeNames.SUPPORTED) {
            for (Outcome outcome : Outcome.values()) {
                assertThat(scraped)
                        .contains(
                                "dnsx_lookups_total{outcome=\""
                                        + outcome.dbName()
                                        + "\",type=\""
                                        + type
                                        + "\"} 0.0");
            }
        }
        assertThat(scraped).contains("dnsx_domains_total{outcome=\"resolved\"} 0.0");
    }
}
