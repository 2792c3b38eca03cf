/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's images with podman the only way this machine allows and a restricted pod
 * would: runtime runc, the host's network (never podman's bridge, which NATs towards the outside),
 * explicit ulimits, nothing pulled, a read-only root, every capability dropped, no privilege
 * escalation.
 */
public final class Podman {
    /**
     * Set by .ci/run: a missing podman or image fails the end-to-end tests instead of skipping
     * them.
     */
    public static final boolean REQUIRED = "1".equals(System.getenv("DNSX_REQUIRE_E2E"));

    public static final String VERSION = System.getProperty("dnsx.version", "0.1.0-SNAPSHOT");

    private Podman() {}

    /**
     * The local image of a component: {@code localhost/dns-worker:<version>}, as images/build.sh
     * tags it.
     */
    public static String image(String component) {
        return "localhost/dns-" + component + ":" + VERSION;
    }

    /** Skips the test where podman or the images are missing, unless CI requires them. */
    public static void requireImages(String... components) {
        boolean ok = exec(List.of("podman", "--version"), Duration.ofSeconds(30)).code() == 0;
        for (String c : components) {
            ok =
                    ok
                            && exec(
                                                    List.of("podman", "image", "exists", image(c)),
                                                    Duration.ofSeconds(30))
                                            .code()
                                    == 0;
        }
        if (REQUIRED && !ok) {
            throw new AssertionError(
                    "podman and the images "
                            + List.of(components)
                            + " are required"
                            + " (DNSX_REQUIRE_E2E=1): run images/build.sh first");
        }
        assumeTrue(ok, "podman and the images built by images/build.sh");
    }

    /** The restricted flags every container gets. */
    static List<String> restricted(String name) {
        int nofile = Math.min(65536, hardNofile());
        return new ArrayList<>(
                List.of(
                        "--runtime",
                        "runc",
                        "--network",
                        "host",
                        "--pull=never",
                        "--rm",
                        "--name",
                        name,
                        "--read-only",
                        "--cap-drop",
                        "ALL",
                        "--security-opt",
                        "no-new-privileges",
                        "--ulimit",
                        "nofile=" + nofile + ":" + nofile,
                        "--ulimit",
                        "nproc=4096:4096"));
    }

    /**
     * {@code podman run} of a component's image in the foreground; the container's output is
     * returned.
     */
    static Result run(
            String component,
            String name,
            Map<String, String> env,
            List<String> args,
            Duration timeout) {
        return run(component, name, env, List.of(), args, timeout);
    }

    /** {@link #run}, with the image's entrypoint replaced by another program of the image. */
    static Result runProgram(
            String component, String name, String program, List<String> args, Duration timeout) {
        return run(component, name, Map.of(), List.of("--entrypoint", program), args, timeout);
    }

    private static Result run(
            String component,
            String name,
            Map<String, String> env,
            List<String> options,
            List<String> args,
            Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of("podman", "run"));
        cmd.addAll(restricted(name));
        env.forEach((k, v) -> cmd.addAll(List.of("--env", k + "=" + v)));
        cmd.addAll(options);
        cmd.add(image(component));
        cmd.addAll(args);
        Result r = exec(cmd, timeout);
        if (r.code() == TIMED_OUT) {
            exec(List.of("podman", "rm", "-f", name), Duration.ofSeconds(30));
        }
        return r;
    }

    /** {@code podman run -d}: the container's name, to stop later. */
    static String start(String component, String name, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("podman", "run", "-d"));
        cmd.addAll(restricted(name));
        env.forEach((k, v) -> cmd.addAll(List.of("--env", k + "=" + v)));
        cmd.add(image(component));
        cmd.addAll(args);
        Result r = exec(cmd, Duration.ofSeconds(60));
        if (r.code() != 0) {
            throw new AssertionError("podman run -d failed: " + r.output());
        }
        return name;
    }

    static Result stop(String name) {
        return exec(List.of("podman", "stop", "-t", "20", name), Duration.ofSeconds(60));
    }

    static String inspect(String image, String format) {
        return exec(
                        List.of("podman", "image", "inspect", "--format", format, image),
                        Duration.ofSeconds(30))
                .output()
                .strip();
    }

    static final int TIMED_OUT = -1;

    /**
     * What a command printed (stdout and stderr) and its exit code ({@link #TIMED_OUT} when
     * killed).
     */
    public record Result(int code, String output) {}

    public static Result exec(List<String> cmd, Duration timeout) {
        try {
            Path out = Files.createTempFile("podman", ".out");
            try {
                Process p =
                        new ProcessBuilder(cmd)
                                .redirectErrorStream(true)
                                .redirectOutput(out.toFile())
                                .start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new Result(TIMED_OUT, Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(TIMED_OUT, "interrupted");
        }
    }

    private static int hardNofile() {
        Result r = exec(List.of("sh", "-c", "ulimit -Hn"), Duration.ofSeconds(10));
        try {
            return r.output().strip().equals("unlimited")
                    ? 65536
                    : Integer.parseInt(r.output().strip());
        } catch (NumberFormatException e) {
            return 1024;
        }
    }
}
