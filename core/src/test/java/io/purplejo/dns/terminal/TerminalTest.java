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
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) for a pty");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String run =
                java
                        + " -cp "
                        + System.getProperty("java.class.path")
                        + " "
                        + TerminalTest.class.getName();

        assertThat(inPseudoTerminal("TERM=xterm " + run)).contains("stderr-terminal=true");
        assertThat(inPseudoTerminal("TERM=xterm " + run + " 2>/dev/null"))
                .contains("stderr-terminal=false");
        assertThat(inPseudoTerminal("TERM=dumb " + run)).contains("stderr-terminal=false");
    }

    private static String inPseudoTerminal(String command) throws Exception {
        Process p =
                new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
