/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Closes a client's RabbitMQ connection from the broker's side, as a network failure or broker
 * restart would.
 */
public final class Rabbitmqctl {
    private Rabbitmqctl() {}

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/rabbitmqctl"))
                || Files.isExecutable(Path.of("/usr/bin/rabbitmqctl"));
    }

    /** Closes every connection whose client-given name is {@code connectionName}. */
    public static void closeConnection(String connectionName)
            throws IOException, InterruptedException {
        String listing =
                run(
                        "rabbitmqctl",
                        "list_connections",
                        "-q",
                        "--no-table-headers",
                        "pid",
                        "client_properties");
        int closed = 0;
        for (String line : listing.split("\n")) {
            if (line.contains("\"" + connectionName + "\"")) {
                String pid = line.substring(0, line.indexOf('\t')).trim();
                run("rabbitmqctl", "close_connection", pid, "test: simulated connection loss");
                closed++;
            }
        }
        if (closed == 0) {
            throw new IllegalStateException(
                    "no RabbitMQ connection named " + connectionName + " in:\n" + listing);
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
