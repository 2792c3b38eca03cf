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

class TerminalTest {
    /** Prints what {@link Terminal} says of standard error, for the pseudo-terminal test. */
    public static void main(String[] args) {
        System.out.println("stderr-terminal=" + Terminal.isTerminal(Terminal.STANDARD_ERROR));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/dev/pts/3, true",
        "/dev/tty1, true",
        "/dev/console, true",
        "pipe:[12345], false",
        "/home/me/results.log, false",
        "/dev/null, false"
    })
    void aTerminalIsATerminalDeviceNotAFilePipeOrNull(String target, boolean terminal) {
        assertThat(Terminal.isTerminalDevice(target)).isEqualTo(terminal);
    }

    @Test
    void standardErrorIsATerminalInAPseudoTerminalAndNotWhenRedirectedToAFile() throws Exception {
        assumeTrue(PseudoTerminal.available(), "script(1) for a pty");
        String run = PseudoTerminal.java(TerminalTest.class);

        assertThat(PseudoTerminal.run("TERM=xterm " + run)).contains("stderr-terminal=true");
        assertThat(PseudoTerminal.run("TERM=xterm " + run + " 2>/dev/null"))
                .contains("stderr-terminal=false");
        assertThat(PseudoTerminal.run("TERM=dumb " + run)).contains("stderr-terminal=false");
    }
}
