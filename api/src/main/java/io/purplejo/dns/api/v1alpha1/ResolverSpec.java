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
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The recursive resolvers a run's workers query, and how hard. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResolverSpec {
    @JsonPropertyDescription(
            "IPv4[:port] or [IPv6]:port of each resolver; empty: the node's resolvers.")
    @Size(max = 64)
    public List<
                    @Pattern(
                            "^([0-9]{1,3}(\\.[0-9]{1,3}){3}(:[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?)$")
                    String>
            servers = new ArrayList<>();

    @JsonPropertyDescription("Queries per second per resolver and worker; 0 for no limit.")
    @Min(0)
    @Max(10000000)
    @Default("0")
    public Integer queriesPerSecondPerResolver = 0;

    @JsonPropertyDescription("Seconds one query waits for its answer.")
    @Min(0.05)
    @Max(60)
    @Default("1.0")
    public Double timeoutSeconds = 1.0;

    @JsonPropertyDescription(
            "Retries after a timeout, SERVFAIL or REFUSED, each on another resolver.")
    @Min(0)
    @Max(10)
    @Default("2")
    public Integer retries = 2;
}
