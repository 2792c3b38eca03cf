/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDsnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            postgresql://dns:s3cret@db.internal:5432/extraction                 | jdbc:postgresql://db.internal:5432/extraction | dns | s3cret
            postgresql+asyncpg://dns:s3cret@db.internal:6543/extraction         | jdbc:postgresql://db.internal:6543/extraction | dns | s3cret
            postgres://dns:s3cret@db.internal/extraction                        | jdbc:postgresql://db.internal:5432/extraction | dns | s3cret
            postgresql+psycopg2://dns:p%40ss%3Aw0rd@10.0.0.5:5432/x             | jdbc:postgresql://10.0.0.5:5432/x             | dns | p@ss:w0rd
            jdbc:postgresql://db:5432/extraction?user=dns&password=s3cret       | jdbc:postgresql://db:5432/extraction          | dns | s3cret
            postgresql://dns@[::1]:5433/extraction                              | jdbc:postgresql://[::1]:5433/extraction       | dns |
            postgresql+asyncpg://dns:pw@db:5432/extraction?ssl=require           | jdbc:postgresql://db:5432/extraction          | dns | pw
            postgresql://dns:p@ss w0rd@db:5432/extraction                       | jdbc:postgresql://db:5432/extraction          | dns | p@ss w0rd
            postgresql://dns:pa+ss@dns_db/extraction                            | jdbc:postgresql://dns_db:5432/extraction      | dns | pa+ss
            """)
    void acceptsTheLegacyAndJdbcForms(String dsn, String jdbcUrl, String user, String password) {
        PostgresDsn parsed = PostgresDsn.parse(dsn);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ''                                             | empty
            db.internal:5432/extraction                    | no scheme
            mysql://dns:Hunter2secret@db:3306/x            | unsupported scheme 'mysql'
            postgresql://dns:Hunter2secret@db:99999/x      | invalid port '99999'
            postgresql://dns:Hunter2secret@db:abc/x        | invalid port 'abc'
            postgresql://dns:Hunter2secret@:5432/x         | no host
            postgresql://dns:Hunter2secret@db:5432         | no database name
            postgresql://dns:Hunter2%zzsecret@db:5432/x    | malformed percent-escape in the password
            postgresql://dns:Hunter2secret@h1:5432,h2/x    | names several hosts
            postgresql://dns:Hunter2secret@db:5432/x y     | a character not allowed in the path
            jdbc:mysql://dns:Hunter2secret@db:5432/x       | unsupported scheme 'jdbc:mysql'
            """)
    void rejectsAMalformedDsnNamingTheProblemButNeverThePassword(String dsn, String problem) {
        assertThatThrownBy(() -> PostgresDsn.parse(dsn))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Hunter2"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://dns:Hunter2secret@db:5432/x",
                "jdbc:postgresql://db:5432/x?user=dns&password=Hunter2secret"
            })
    void neverPrintsThePassword(String dsn) {
        PostgresDsn parsed = PostgresDsn.parse(dsn);

        assertThat(parsed.toString()).doesNotContain("Hunter2").contains("dns:***@db:5432/x");
        assertThat(parsed.jdbcUrl()).doesNotContain("Hunter2");
    }

    @Test
    void pointsAtAnotherDatabaseOnTheSameServer() {
        PostgresDsn other = PostgresDsn.parse("postgresql://u:p@h:1/a").withDatabase("b");

        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/b");
        assertThat(other.password()).isEqualTo("p");
    }

    @Test
    void parametersAndTheDatabaseNameNeverChangeTheMeaningOfTheJdbcUrl() {
        PostgresDsn dsn =
                PostgresDsn.parse(
                        "postgresql+asyncpg://u:p@h:5432/odd%20db%3Fx%26y"
                                + "?ssl=require&options=-c%20search_path%3Da%26b");

        assertThat(dsn.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/odd%20db%3Fx%26y");
        assertThat(dsn.connectionProperties())
                .containsEntry("sslmode", "require")
                .containsEntry("options", "-c search_path=a&b")
                .containsEntry("user", "u")
                .containsEntry("password", "p");
    }
}
