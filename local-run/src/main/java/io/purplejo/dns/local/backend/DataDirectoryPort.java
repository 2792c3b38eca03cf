/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The port a data directory's embedded PostgreSQL listens on, kept in {@code postgres.port}: the
 * same from run to run, so that the DSN printed after a run is the one {@code db} serves later.
 */
final class DataDirectoryPort {
    private static final String FILE = "postgres.port";

    private DataDirectoryPort() {}

    /** The port used before, or a free one for a new data directory. */
    static int of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                int port = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip());
                if (port > 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // a damaged file: choose again
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void keep(Path dataDir, int port) throws IOException {
        Files.writeString(dataDir.resolve(FILE), port + "\n", StandardCharsets.UTF_8);
    }
}
