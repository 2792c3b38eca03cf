/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.purplejo.dns.testing.PseudoTerminal;
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
        assumeTrue(PseudoTerminal.available(), "script(1) for a pty");

        String out =
                PseudoTerminal.run(
                        "stty cols 67 rows 24; env -u COLUMNS "
                                + PseudoTerminal.java(TerminalWidthTest.class));

        assertThat(out).as(out).contains("columns=67");
    }
}
