/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.chart;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.purplejo.dns.e2e.Podman;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus's promtool, built from the Go module proxy by {@code e2e/monitoring/build.sh}; the
 * tests that need it are skipped where it cannot be built, and fail instead when {@code
 * DNSX_REQUIRE_E2E=1}.
 */
final class Promtool {
    private static String binary;

    private Promtool() {}

    private static synchronized String binary() {
        if (binary == null) {
            Podman.Result build =
                    Podman.exec(
                            List.of(
                                    "bash",
                                    HelmChartTest.REPO
                                            .resolve("e2e/monitoring/build.sh")
                                            .toString()),
                            Duration.ofMinutes(30));
            boolean ok = build.code() == 0;
            if (!ok && "1".equals(System.getenv("DNSX_REQUIRE_E2E"))) {
                throw new AssertionError(
                        "promtool is required (DNSX_REQUIRE_E2E=1): " + build.output());
            }
            assumeTrue(ok, "promtool from e2e/monitoring/build.sh: " + build.output());
            binary = build.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        }
        return binary;
    }

    /** Runs promtool with these arguments (file names relative to a test file are its dir's). */
    static Podman.Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(binary()));
        cmd.addAll(List.of(args));
        return Podman.exec(cmd, Duration.ofMinutes(2));
    }
}
