/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {
    private final CommandLineOptions declared =
            new CommandLineOptions("worker")
                    .value("queue-name", "QUEUE_NAME", "dns_records", "queue")
                    .value("concurrency", "CONCURRENCY", "500", "lookups in flight")
                    .secret("postgres-dsn", "POSTGRES_DSN", "database")
                    .flag("purge-queue", "PURGE_QUEUE", true, "purge first");

    @Test
    void takesDefaultsThenEnvironmentThenCommandLine() {
        ParsedOptions defaults = declared.parse(List.of(), Map.of());
        ParsedOptions fromEnv =
                declared.parse(List.of(), Map.of("QUEUE_NAME", "q-env", "CONCURRENCY", "7"));
        ParsedOptions fromArgs =
                declared.parse(
                        List.of("--queue-name", "q-arg", "--concurrency=9"),
                        Map.of("QUEUE_NAME", "q-env"));

        assertThat(defaults.string("queue-name")).isEqualTo("dns_records");
        assertThat(fromEnv.string("queue-name")).isEqualTo("q-env");
        assertThat(fromEnv.integer("concurrency", 1, 100)).isEqualTo(7);
        assertThat(fromArgs.string("queue-name")).isEqualTo("q-arg");
        assertThat(fromArgs.integer("concurrency", 1, 100)).isEqualTo(9);
    }

    @Test
    void readsSwitchesInTheLegacyClickForms() {
        assertThat(declared.parse(List.of(), Map.of()).flag("purge-queue")).isTrue();
        assertThat(declared.parse(List.of("--no-purge-queue"), Map.of()).flag("purge-queue"))
                .isFalse();
        assertThat(declared.parse(List.of(), Map.of("PURGE_QUEUE", "false")).flag("purge-queue"))
                .isFalse();
        assertThat(
                        declared.parse(List.of("--purge-queue"), Map.of("PURGE_QUEUE", "0"))
                                .flag("purge-queue"))
                .isTrue();
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndOutOfRangeNumbers() {
        assertThatThrownBy(() -> declared.parse(List.of("--queue"), Map.of()))
                .hasMessageContaining("unknown option --queue");
        assertThatThrownBy(() -> declared.parse(List.of("--queue-name"), Map.of()))
                .hasMessageContaining("--queue-name needs a value");
        assertThatThrownBy(
                        () ->
                                declared.parse(List.of("--concurrency", "0"), Map.of())
                                        .integer("concurrency", 1, 100))
                .hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> declared.parse(List.of(), Map.of()).required("postgres-dsn"))
                .hasMessageContaining("--postgres-dsn is required (or set POSTGRES_DSN)");
    }

    @Test
    void usageNamesEnvironmentVariablesButNoSecretValue() {
        assertThat(declared.usage())
                .contains("[env POSTGRES_DSN]")
                .contains("(default dns_records)");
    }
}
