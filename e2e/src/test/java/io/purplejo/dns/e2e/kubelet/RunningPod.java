/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pod the runner runs: the pod as last read, its network, volumes and containers. */
final class RunningPod {
    final String uid;
    volatile Pod pod;
    volatile PodNetwork.Attachment net;
    volatile Map<String, Path> volumes;
    final List<RunningContainer> containers = new ArrayList<>();
    volatile String startTime;
    volatile boolean starting = true;
    volatile boolean stopping;
    volatile PodStatus written;

    RunningPod(Pod pod) {
        this.uid = pod.getMetadata().getUid();
        this.pod = pod;
    }
}
