/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that brings a real control plane up once per test run (e2e/cluster.sh: etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler, built from source by
 * e2e/cluster/build.sh), installs the CRD with the real {@code kubectl apply --server-side}, and
 * stops it when the run ends. Tests get an admin fabric8 client from {@link #client()}.
 *
 * <p>This cluster runs the controllers the tests rely on (garbage collector, namespaces, service
 * accounts) but not the Job and Deployment controllers: there is no kubelet, so the reconciler
 * tests play those two as they do on the mock server. Where the binaries cannot be built here (the
 * Go module proxy refused a module), the tests are skipped with the reason, unless {@code
 * DNSX_REQUIRE_E2E=1}.
 */
public class ControlPlane implements BeforeAllCallback {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final boolean REQUIRED = "1".equals(System.getenv("DNSX_REQUIRE_E2E"));

    /**
     * How a control plane is started: its directory and ports, its controllers, and the address it
     * listens on ("0.0.0.0" when pods in network namespaces must reach it at {@code extraIp}).
     */
    public record Profile(
            String dir,
            int apiPort,
            int etcdPort,
            String controllers,
            String bind,
            String extraIp) {
        Map<String, String> env() {
            Map<String, String> env =
                    new java.util.HashMap<>(
                            Map.of(
                                    "DNSX_CLUSTER_DIR",
                                    Path.of(System.getProperty("java.io.tmpdir"), dir).toString(),
                                    "DNSX_APISERVER_PORT",
                                    String.valueOf(apiPort),
                                    "DNSX_ETCD_PORT",
                                    String.valueOf(etcdPort),
                                    "DNSX_CONTROLLERS",
                                    controllers,
                                    "DNSX_APISERVER_BIND",
                                    bind));
            if (extraIp != null) {
                env.put("DNSX_APISERVER_EXTRA_IPS", extraIp);
            }
            return env;
        }
    }

    /**
     * For the reconciler tests: no kubelet, so no Job, Deployment, ReplicaSet or CronJob
     * controllers.
     */
    public static final Profile WITHOUT_WORKLOAD_CONTROLLERS =
            new Profile(
                    "dnsx-e2e-operator-tests",
                    16543,
                    23890,
                    "*,-job-controller,-deployment-controller,-replicaset-controller,-cronjob-controller",
                    "127.0.0.1",
                    null);

    private static volatile State state;
    private static volatile Map<String, String> env = Map.of();

    private record State(Path kubeconfig, Path bin, String problem) {}

    /** The profile this extension starts; subclasses start another. */
    protected Profile profile() {
        return WITHOUT_WORKLOAD_CONTROLLERS;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        State s = start(context, profile());
        if (s.problem() != null) {
            if (REQUIRED) {
                throw new AssertionError(
                        "the real control plane is required (DNSX_REQUIRE_E2E=1): " + s.problem());
            }
            assumeTrue(false, "no real control plane: " + s.problem());
        }
    }

    private static synchronized State start(ExtensionContext context, Profile profile) {
        if (state != null) {
            return state;
        }
        env = profile.env();
        Result build = run(List.of("bash", REPO.resolve("e2e/cluster/build.sh").toString()), 3600);
        if (build.code() != 0) {
            state =
                    new State(
                            null,
                            null,
                            "e2e/cluster/build.sh exited "
                                    + build.code()
                                    + ": "
                                    + last(build.output()));
            return state;
        }
        Path bin = Path.of(build.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        Result up = run(List.of("bash", REPO.resolve("e2e/cluster.sh").toString(), "up"), 300);
        if (up.code() != 0) {
            state =
                    new State(
                            null,
                            bin,
                            "e2e/cluster.sh up exited " + up.code() + ": " + last(up.output()));
            return state;
        }
        Path kubeconfig = Path.of(up.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        Result crd =
                run(
                        List.of(
                                bin.resolve("kubectl").toString(),
                                "--kubeconfig",
                                kubeconfig.toString(),
                                "apply",
                                "--server-side",
                                "--force-conflicts",
                                "-f",
                                REPO.resolve("crds/dnsextractionruns.dns.purplejo.io-v1.yml")
                                        .toString(),
                                "-f",
                                REPO.resolve("crds/dnsextractionschedules.dns.purplejo.io-v1.yml")
                                        .toString()),
                        120);
        Result established =
                run(
                        List.of(
                                bin.resolve("kubectl").toString(),
                                "--kubeconfig",
                                kubeconfig.toString(),
                                "wait",
                                "--for=condition=Established",
                                "crd/dnsextractionruns.dns.purplejo.io",
                                "crd/dnsextractionschedules.dns.purplejo.io",
                                "--timeout=60s"),
                        90);
        if (crd.code() != 0 || established.code() != 0) {
            throw new IllegalStateException(
                    "installing the CRD failed: " + crd.output() + established.output());
        }
        state = new State(kubeconfig, bin, null);
        // one control plane per test run: stopped when the run ends
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .put(
                        ControlPlane.class,
                        (AutoCloseable)
                                () ->
                                        run(
                                                List.of(
                                                        "bash",
                                                        REPO.resolve("e2e/cluster.sh").toString(),
                                                        "down"),
                                                120));
        return state;
    }

    /** An admin client of the running control plane. */
    public static KubernetesClient client() {
        try {
            Config config =
                    Config.fromKubeconfig(
                            Files.readString(state.kubeconfig(), StandardCharsets.UTF_8));
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory of the built binaries (kubectl, helm, ...). */
    public static Path bin() {
        return state.bin();
    }

    public static Path kubeconfig() {
        return state.kubeconfig();
    }

    /** Runs the real kubectl against the control plane; returns its exit code and output. */
    public static Result kubectl(String stdin, String... args) {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                state.bin().resolve("kubectl").toString(),
                                "--kubeconfig",
                                state.kubeconfig().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, 120, stdin);
    }

    /** Runs the real helm against the control plane; returns its exit code and output. */
    public static Result helm(String... args) {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                state.bin().resolve("helm").toString(),
                                "--kubeconfig",
                                state.kubeconfig().toString()));
        cmd.addAll(List.of(args));
        return run(cmd, 600, null);
    }

    /** What a command printed and its exit code. */
    public record Result(int code, String output) {}

    static Result run(List<String> cmd, long timeoutSeconds) {
        return run(cmd, timeoutSeconds, null);
    }

    static Result run(List<String> cmd, long timeoutSeconds, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Path out = Files.createTempFile("cp", ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return new Result(done ? p.exitValue() : -1, text);
        } catch (IOException e) {
            return new Result(127, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String last(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
