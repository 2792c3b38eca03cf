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
import io.fabric8.generator.annotation.ValidationRule;

/** Bounds and tuning of the run's worker Deployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.minWorkers <= self.maxWorkers",
        message = "minWorkers must not exceed maxWorkers")
public class WorkerSpec {
    @JsonPropertyDescription("Workers while the run is active, at least.")
    @Min(0)
    @Max(1000)
    @Default("0")
    public Integer minWorkers = 0;

    @JsonPropertyDescription("Workers at most.")
    @Min(1)
    @Max(1000)
    @Default("10")
    public Integer maxWorkers = 10;

    @JsonPropertyDescription("Queued messages per worker the scaler aims at.")
    @Min(1)
    @Default("100")
    public Integer messagesPerWorker = 100;

    @JsonPropertyDescription("Domains each worker resolves at once.")
    @Min(1)
    @Max(100000)
    @Default("500")
    public Integer concurrency = 500;

    @JsonPropertyDescription("Unacknowledged messages each worker holds at most.")
    @Min(1)
    @Max(65535)
    @Default("800")
    public Integer prefetch = 800;

    @JsonPropertyDescription(
            "Seconds the desired count must stay lower before workers are removed.")
    @Min(0)
    @Max(3600)
    @Default("300")
    public Integer scaleDownStabilizationSeconds = 300;
}
