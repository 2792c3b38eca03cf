/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Desired and ready workers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkerCounts {

    @JsonPropertyDescription("Workers the operator wants now.")
    public Integer desired;

    @JsonPropertyDescription("Workers running and ready.")
    public Integer ready;

    public WorkerCounts() {}

    public WorkerCounts(Integer desired, Integer ready) {
        this.desired = desired;
        this.ready = ready;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerCounts w
                && Objects.equals(desired, w.desired)
                && Objects.equals(ready, w.ready);
    }

    @Override
    public int hashCode() {
        return Objects.hash(desired, ready);
    }
}
