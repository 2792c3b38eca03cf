/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Images of the run's pods; empty values take the operator's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageSpec {
    /** Kubernetes image pull policies. */
    public enum PullPolicy {
        Always,
        IfNotPresent,
        Never
    }

    @JsonPropertyDescription("Worker image; default: the operator's.")
    public String worker;

    @JsonPropertyDescription("Publisher image; default: the operator's.")
    public String publisher;

    @JsonPropertyDescription("Image pull policy of the run's pods: Always, IfNotPresent or Never.")
    @Default("IfNotPresent")
    public PullPolicy pullPolicy = PullPolicy.IfNotPresent;
}
