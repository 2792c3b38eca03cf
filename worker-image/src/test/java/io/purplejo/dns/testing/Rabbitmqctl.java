/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

/**
 * Closes a client's RabbitMQ connection from the broker's side, as a network failure or broker
 * restart would.
 */
public final class Rabbitmqctl {
    private Rabbitmqctl() {}

    public static boolean available() {
        return MachineServices.rabbitmqctlInstalled();
    }

    /** Closes every connection whose client-given name is {@code connectionName}. */
    public static void closeConnection(String connectionName) {
        String listing =
                MachineServices.run(
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
                MachineServices.run(
                        "rabbitmqctl", "close_connection", pid, "test: simulated connection loss");
                closed++;
            }
        }
        if (closed == 0) {
            throw new IllegalStateException(
                    "no RabbitMQ connection named " + connectionName + " in:\n" + listing);
        }
    }
}
