/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The run's publisher: its current Job and how many attempts it took so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublisherStatus {
    @JsonPropertyDescription("The name of the current attempt's Job.")
    public String job;

    @JsonPropertyDescription(
            "Attempts started: a lost Job, a changed template or a retry starts a new one, which resumes.")
    public Integer attempts;

    public PublisherStatus() {}

    public PublisherStatus(String job, Integer attempts) {
        this.job = job;
        this.attempts = attempts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublisherStatus p
                && Objects.equals(job, p.job)
                && Objects.equals(attempts, p.attempts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(job, attempts);
    }
}
