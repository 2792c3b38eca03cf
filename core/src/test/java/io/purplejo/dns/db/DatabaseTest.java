/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.testing.TestDatabase;
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

    @Test
    void aDatabaseWhoseNameHoldsUrlCharactersAndADsnWithParametersConnect() throws Exception {
        try (TestDatabase server = TestDatabase.create()) {
            String odd = "dnsx odd?&#" + System.nanoTime();
            server.execute("CREATE DATABASE \"" + odd + "\"");
            try {
                String encoded =
                        java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8)
                                .replace(
                                        "+", "%20"); // a DSN's + is a plus, as in the legacy system
                PostgresDsn dsn =
                        PostgresDsn.parse(
                                server.dsnText()
                                                .replace(
                                                        "/" + server.dsn().database(),
                                                        "/" + encoded)
                                        + "?options=-c%20statement_timeout%3D1234");
                try (Database db = Database.open(dsn, 1, "test");
                        var c = db.dataSource().getConnection();
                        var st = c.createStatement();
                        var rs =
                                st.executeQuery(
                                        "SELECT current_database(), current_setting('statement_timeout')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(odd);
                    assertThat(rs.getString(2)).isEqualTo("1234ms");
                }
            } finally {
                server.execute("DROP DATABASE \"" + odd + "\" WITH (FORCE)");
            }
        }
    }
}
