/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTextTest {
    private static byte[] cmdline(String... entries) {
        return (String.join("\0", entries) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void argumentsTheJvmDecodedAsAsciiAreReadAgainAsUtf8() {
        String[] decoded = {"query", "b\uFFFD\uFFFDcher.de"};

        String[] typed =
                CommandLineText.recover(
                        decoded,
                        cmdline("java", "-Xmx512m", "-jar", "x.jar", "query", "bücher.de"));

        assertThat(typed).containsExactly("query", "bücher.de");
    }

    @Test
    void aRawCommandLineThatDoesNotLineUpWithTheArgumentsIsNotUsed() {
        String[] decoded = {"query", "b\uFFFD\uFFFDcher.de"};

        assertThat(CommandLineText.recover(decoded, cmdline("java", "query", "other.de")))
                .containsExactly(decoded);
        assertThat(CommandLineText.recover(decoded, cmdline("b\u00fccher.de")))
                .containsExactly(decoded);
    }

    @Test
    void argumentsDecodedWellAreLeftAsTheyAre() {
        String[] args = {"query", "bücher.de"};

        assertThat(CommandLineText.recover(args)).isSameAs(args);
    }
}
