/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the run's namespace. */
public class SecretKeyRef {

    @JsonPropertyDescription("The Secret's name, in the run's namespace.")
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    public String name;

    @JsonPropertyDescription("The key in the Secret whose value is used.")
    @Required
    @Pattern("^[-._a-zA-Z0-9]+$")
    public String key;

    public SecretKeyRef() {}

    public SecretKeyRef(String name, String key) {
        this.name = name;
        this.key = key;
    }
}
