/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops and starts this machine's RabbitMQ and restarts its PostgreSQL, the services that
 * .ci/services installed: the faults are real outages of the real servers, not a proxy that
 * imitates one.
 */
public final class MachineServices {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    private MachineServices() {}

    /**
     * Whether the faults can be injected here: the Debian tools exist and the tests may use them
     * (root).
     */
    public static String unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "stopping this machine's RabbitMQ and PostgreSQL needs root";
        }
        if (!rabbitmqctlInstalled()) {
            return "rabbitmqctl is not installed (run .ci/services)";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
            return "pg_ctlcluster is not installed (run .ci/services)";
        }
        return null;
    }

    /** Whether rabbitmqctl is here (it also needs root, or the rabbitmq user, to talk to it). */
    public static boolean rabbitmqctlInstalled() {
        return Files.isExecutable(Path.of("/usr/sbin/rabbitmqctl"))
                || Files.isExecutable(Path.of("/usr/bin/rabbitmqctl"));
    }

    public static void stopRabbitMq() {
        run("rabbitmqctl", "-q", "stop_app");
    }

    /** Starts RabbitMQ again and returns once it accepts connections. */
    public static void startRabbitMq() {
        run("rabbitmqctl", "-q", "start_app");
        run("rabbitmqctl", "-q", "await_startup");
    }

    public static void restartPostgres() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "restart");
    }

    private static String postgresVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString())
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .orElseThrow(
                            () -> new IllegalStateException("no cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a command of this machine and returns its output; throws with that output when it fails
     * or runs longer than three minutes.
     */
    public static String run(String... cmd) {
        try {
            // the output goes to a file: a child the command leaves behind (an Erlang VM) may hold
            // a pipe open for ever, and reading it would never end, whatever the timeout
            Path log = Files.createTempFile("machine-services", ".out");
            try {
                Process p =
                        new ProcessBuilder(List.of(cmd))
                                .redirectErrorStream(true)
                                .redirectOutput(log.toFile())
                                .start();
                boolean ended = p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (!ended) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (!ended || p.exitValue() != 0) {
                    throw new IllegalStateException(
                            String.join(" ", cmd)
                                    + (ended
                                            ? " failed: "
                                            : " did not end within " + COMMAND_TIMEOUT + ": ")
                                    + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " cannot run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
