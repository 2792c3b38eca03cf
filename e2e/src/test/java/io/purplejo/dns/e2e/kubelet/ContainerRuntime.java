/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.purplejo.dns.e2e.Podman;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The container runtime the runner drives: podman, run as a command. */
final class ContainerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerRuntime.class);

    private ContainerRuntime() {}

    static void podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(List.of(args));
        exec(cmd);
    }

    /**
     * Runs a command; its output, or null when it failed or outlived two minutes (its output goes
     * to a file, so that a child that keeps the pipe open cannot stop the timeout).
     */
    static String exec(List<String> cmd) {
        Podman.Result r = Podman.exec(cmd, Duration.ofMinutes(2));
        if (r.code() != 0) {
            LOG.debug("{} exited {}: {}", String.join(" ", cmd), r.code(), r.output().strip());
            return null;
        }
        return r.output();
    }
}
