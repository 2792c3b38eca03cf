/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A shell command run in a pseudo-terminal, as in a person's terminal, with script(1): what the
 * terminal received comes back, control sequences included.
 */
public final class PseudoTerminal {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private PseudoTerminal() {}

    /** Whether script(1) is there to make one. */
    public static boolean available() {
        return Files.isExecutable(SCRIPT);
    }

    /** What the terminal shows of the command; fails when it does not end within a minute. */
    public static String run(String shellCommand) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(SCRIPT.toString(), "-qec", shellCommand, "/dev/null")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end within a minute: " + shellCommand);
        }
        return out;
    }

    /** A command line that runs a class's main in a JVM like this one, with its class path. */
    public static String java(Class<?> main, String... args) {
        return String.join(" ", javaCommand(main, args));
    }

    /** The same command line as words, for a ProcessBuilder. */
    public static List<String> javaCommand(Class<?> main, String... args) {
        List<String> words =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                main.getName()));
        words.addAll(List.of(args));
        return words;
    }
}
