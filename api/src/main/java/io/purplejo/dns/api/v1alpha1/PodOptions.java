/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a run's pods may run and what metadata they carry, as real clusters need. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PodOptions {
    @JsonPropertyDescription("Secrets to pull the images with.")
    public List<LocalObjectReference> imagePullSecrets = new ArrayList<>();

    @JsonPropertyDescription("Node labels the pods require.")
    public Map<String, String> nodeSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("Taints the pods tolerate.")
    public List<Toleration> tolerations = new ArrayList<>();

    @JsonPropertyDescription("Node and pod affinity of the pods.")
    public Affinity affinity;

    @JsonPropertyDescription("Priority class of the pods.")
    public String priorityClassName;

    @JsonPropertyDescription("Extra labels of the pods (the operator's own labels win).")
    public Map<String, String> labels = new LinkedHashMap<>();

    @JsonPropertyDescription("Extra annotations of the pods.")
    public Map<String, String> annotations = new LinkedHashMap<>();
}
