/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.e2e.kubelet.PodRunner;
import io.purplejo.dns.testing.ControlPlane;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The control plane with every controller, listening where pods reach it (10.213.0.1), and a pod
 * runner as its one node: Jobs and Deployments run real pods of the project's images. Started once
 * per test run.
 */
public final class KubeletCluster extends ControlPlane {
    /**
     * Every controller; the API server on all addresses, its certificate naming the pods' host
     * address.
     */
    static final Profile FULL =
            new Profile("dnsx-e2e-journey", 16643, 23990, "*", "0.0.0.0", "10.213.0.1");

    static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "dnsx-e2e-pods");

    private static PodRunner runner;
    private static KubernetesClient runnerClient;

    @Override
    protected Profile profile() {
        return FULL;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean root =
                "0"
                        .equals(
                                Podman.exec(
                                                java.util.List.of("id", "-u"),
                                                java.time.Duration.ofSeconds(10))
                                        .output()
                                        .strip());
        if (!root && Podman.REQUIRED) {
            throw new AssertionError(
                    "the pod runner needs root for network namespaces (DNSX_REQUIRE_E2E=1)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                root, "the pod runner needs root for network namespaces");
        super.beforeAll(context);
        startRunner(context);
    }

    private static synchronized void startRunner(ExtensionContext context) throws Exception {
        if (runner != null) {
            return;
        }
        runnerClient = ControlPlane.client();
        runner = new PodRunner(runnerClient, "dnsx-e2e-node", WORK, FULL.apiPort(), 20000);
        runner.start();
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .put(
                        PodRunner.class,
                        (AutoCloseable)
                                () -> {
                                    runner.close();
                                    runnerClient.close();
                                });
    }

    public static PodRunner runner() {
        return runner;
    }
}
