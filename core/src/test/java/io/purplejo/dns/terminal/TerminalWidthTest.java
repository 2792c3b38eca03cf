/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalWidthTest {
    /** Prints what {@link TerminalWidth} measures, for the pseudo-terminal test. */
    public static void main(String[] args) {
        System.out.println("columns=" + TerminalWidth.columns());
    }

    @ParameterizedTest(name = "COLUMNS={0} -> {1}")
    @CsvSource(
            nullValues = "-",
            value = {"77, 77", "' 132 ', 132", "0, -", "-5, -", "wide, -", "-, -"})
    void aColumnCountIsAPositiveNumber(String columns, Integer expected) {
        assertThat(TerminalWidth.parse(columns)).isEqualTo(expected);
    }

    @Test
    void theWidthIsReadFromTheControllingTerminalWhichShellsDoNotExportAsColumns()
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) for a pty");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command =
                "stty cols 67 rows 24; env -u COLUMNS "
                        + java
                        + " -cp "
                        + System.getProperty("java.class.path")
                        + " "
                        + TerminalWidthTest.class.getName();
        Process p =
                new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).as(out).contains("columns=67");
    }
}
