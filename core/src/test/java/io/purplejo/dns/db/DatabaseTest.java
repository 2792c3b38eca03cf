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
    void refusedCredentialsAndAMissingDatabaseAreConfigurationErrorsAtOnceWithoutThePassword()
            throws Exception {
        String role = "dnsx_pw_" + Long.toHexString(System.nanoTime());
        try (TestDatabase server = TestDatabase.create()) {
            server.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-pw'");
            try {
                // over ::1, where the server asks for a password (127.0.0.1 trusts the tests)
                PostgresDsn wrongPassword =
                        PostgresDsn.parse(
                                "postgresql://"
                                        + role
                                        + ":Hunter2secret@[::1]:"
                                        + server.dsn().port()
                                        + "/postgres");
                PostgresDsn noDatabase =
                        PostgresDsn.parse(
                                server.dsnText().replace(server.dsn().database(), "no_such_db"));
                PostgresDsn unknownUser =
                        PostgresDsn.parse(
                                server.dsnText().replace("postgres@", "nobody_" + role + "@"));
                for (PostgresDsn dsn : new PostgresDsn[] {wrongPassword, noDatabase, unknownUser}) {
                    try (Database db = Database.open(dsn, 1, "test")) {
                        long start = System.nanoTime();
                        assertThatThrownBy(() -> db.awaitReachable(Duration.ofSeconds(60)))
                                .as(dsn.toString())
                                .isInstanceOf(DatabaseRefusedException.class)
                                .hasMessageContaining("PostgreSQL at " + dsn)
                                .hasMessageContaining("retrying cannot help")
                                .hasMessageNotContaining("Hunter2");
                        assertThat(Duration.ofNanos(System.nanoTime() - start))
                                .as("refused at once, not after the 60 s an outage is waited")
                                .isLessThan(Duration.ofSeconds(30));
                    }
                }
                try (Database db = Database.open(wrongPassword, 1, "test")) {
                    assertThatThrownBy(() -> db.awaitReachable(Duration.ofSeconds(60)))
                            .hasMessageContaining("refused the credentials of user '" + role + "'")
                            .extracting(e -> ((DatabaseRefusedException) e).refusal())
                            .isEqualTo(DatabaseRefusedException.Refusal.CREDENTIALS);
                }
                try (Database db = Database.open(noDatabase, 1, "test")) {
                    assertThatThrownBy(() -> db.awaitReachable(Duration.ofSeconds(60)))
                            .hasMessageContaining("has no database 'no_such_db'");
                }
            } finally {
                server.execute("DROP ROLE " + role);
            }
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
