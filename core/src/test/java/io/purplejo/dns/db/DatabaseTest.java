/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.config.PostgresDsn;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void anUnreachableServerFailsWithTheDriversReasonAndNoPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PostgresDsn dsn =
                PostgresDsn.parse("postgresql://dns:Hunter2secret@127.0.0.1:" + closedPort + "/x");

        try (Database db = Database.open(dsn, 1, "test")) {
            assertThatThrownBy(() -> db.awaitReachable(Duration.ofSeconds(1)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("dns:***@127.0.0.1:" + closedPort)
                    .hasMessageContaining("Connection")
                    .hasMessageNotContaining("Hunter2")
                    .hasMessageNotContaining("request timed out");
        }
    }
}
