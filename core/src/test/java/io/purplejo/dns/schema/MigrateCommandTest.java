/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrateCommandTest {

    @Test
    void anUnreachablePostgresExitsWithTheDatabaseCodeNamingTheServerNotThePassword()
            throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                MigrateCommand.run(
                        List.of(
                                "--postgres-dsn",
                                "postgresql://dnsx:s3cret-pw@127.0.0.1:" + closedPort + "/dns"),
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Duration.ofSeconds(1));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(message).isEqualTo(ExitCodes.DATABASE);
        assertThat(message).contains("127.0.0.1:" + closedPort).doesNotContain("s3cret-pw");
    }

    @Test
    void aDatabaseNewerThanTheProgramIsAConfigurationErrorNotAnOutage() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO dnsx_schema_history (version, description, checksum) VALUES (99, 'future', 'x')");
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code =
                    MigrateCommand.run(
                            List.of("--postgres-dsn", db.dsnText()),
                            Map.of(),
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Duration.ofSeconds(5));

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(message).isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(message).contains("upgrade the program");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsAConfigurationError() {
        try (TestDatabase db = TestDatabase.create()) {
            String missing = db.dsnText().replaceFirst("/[^/?]+(\\?|$)", "/dnsx_no_such_db$1");
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code =
                    MigrateCommand.run(
                            List.of("--postgres-dsn", missing),
                            Map.of(),
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Duration.ofSeconds(5));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("dnsx_no_such_db");
        }
    }
}
