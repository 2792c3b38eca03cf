/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How large a batch the writer collects, from the options. */
class BatchWriterTest {

    @ParameterizedTest(name = "batch size {0}, concurrency {1}, {2} writers: batches of {3}")
    @CsvSource({
        // the permits are shared among the writers' batches and the one being collected
        "1000, 500, 2, 166",
        "1000, 500, 1, 250",
        "1000, 5000, 2, 1000",
        "100, 5000, 4, 100",
        // never empty, however few the permits
        "1000, 1, 2, 1",
        "1000, 2, 16, 1",
        "1, 500, 2, 1",
    })
    void aBatchLeavesPermitsForTheNextWhileEveryWriterCommits(
            int maxBatch, int concurrency, int writers, int expected) {
        assertThat(BatchWriter.batchSize(maxBatch, concurrency, writers)).isEqualTo(expected);
    }
}
