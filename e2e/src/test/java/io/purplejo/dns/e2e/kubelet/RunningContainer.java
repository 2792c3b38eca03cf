/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import java.time.Instant;

/** One container of a pod the runner runs: its spec, its podman name and what is known of it. */
final class RunningContainer {
    final Container spec;
    final String podmanName;
    volatile int restarts;
    volatile String state = "waiting";
    volatile String waitingReason = "ContainerCreating";
    volatile String waitingMessage;
    volatile Integer exitCode;
    volatile String startedAt;
    volatile String finishedAt;
    volatile boolean ready;
    volatile int readyFailures;
    volatile int liveFailures;
    volatile Instant lastProbe = Instant.EPOCH;
    volatile Instant lastLiveProbe = Instant.now();

    RunningContainer(Container spec, String podmanName) {
        this.spec = spec;
        this.podmanName = podmanName;
    }
}
