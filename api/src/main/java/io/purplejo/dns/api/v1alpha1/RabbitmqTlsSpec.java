/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How the run's components verify RabbitMQ's certificate when the URL is {@code amqps://}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RabbitmqTlsSpec {
    @JsonPropertyDescription(
            "Secret key holding the PEM certificates of the CAs to trust; default: the system's"
                    + " trust store.")
    public SecretKeyRef caSecret;

    @JsonPropertyDescription("Accept any certificate and host name. Insecure: for tests only.")
    @Default("false")
    public Boolean insecureSkipVerify = false;
}
