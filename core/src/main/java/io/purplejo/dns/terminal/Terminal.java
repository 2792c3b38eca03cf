/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether one of this process's standard streams is a terminal a person watches. Java's {@code
 * System.console()} answers only for standard input and output together, while a bulk command's
 * input and output are files and its standard error still faces the person: Linux's {@code
 * /proc/self/fd} says where each stream goes.
 */
public final class Terminal {
    /** Standard output's file descriptor. */
    public static final int STANDARD_OUTPUT = 1;

    /** Standard error's file descriptor. */
    public static final int STANDARD_ERROR = 2;

    private Terminal() {}

    /** True when the stream is a terminal that can redraw a line (not {@code TERM=dumb}). */
    public static boolean isTerminal(int fileDescriptor) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return isTerminalDevice(
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fileDescriptor)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false; // not Linux, or no such stream: no redrawing
        }
    }

    /** A pseudo-terminal, a virtual console or a serial line. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/")
                || target.startsWith("/dev/tty")
                || target.equals("/dev/console");
    }
}
