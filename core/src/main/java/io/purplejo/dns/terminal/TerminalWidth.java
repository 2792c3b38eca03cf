/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.terminal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal the command runs in, as {@code stty size} reads it from the controlling
 * terminal: shells do not export {@code COLUMNS} to the programs they start, so that variable is
 * only a fallback, and 80 columns the last one.
 */
public final class TerminalWidth {
    /** What a terminal has when nothing says otherwise. */
    public static final int DEFAULT = 80;

    private TerminalWidth() {}

    /** The terminal's columns now. */
    public static int columns() {
        Integer measured = stty();
        if (measured != null) {
            return measured;
        }
        Integer fromEnv = parse(System.getenv("COLUMNS"));
        return fromEnv != null ? fromEnv : DEFAULT;
    }

    private static Integer stty() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return null;
        }
        try {
            Process p =
                    new ProcessBuilder("stty", "size")
                            .redirectInput(tty)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            String[] rowsCols = out.trim().split("\\s+");
            return rowsCols.length == 2 ? parse(rowsCols[1]) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A positive column count, or null. */
    static Integer parse(String columns) {
        if (columns == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(columns.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
