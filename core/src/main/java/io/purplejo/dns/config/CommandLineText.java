/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's arguments as the user typed them. Under the POSIX locale (LANG unset, as in
 * many containers and cron jobs) the JVM decodes arguments as ASCII, so {@code query bücher.de}
 * arrives as {@code b\uFFFD\uFFFDcher.de}; on Linux the raw bytes are still in {@code
 * /proc/self/cmdline}, and they are read again as UTF-8, which every current system writes.
 */
public final class CommandLineText {
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private CommandLineText() {}

    /** The arguments, with those the JVM could not decode read again from the raw command line. */
    public static String[] recover(String[] args) {
        if (!anyUndecoded(args)) {
            return args;
        }
        try {
            return recover(args, Files.readAllBytes(CMDLINE));
        } catch (IOException | SecurityException e) {
            return args;
        }
    }

    /**
     * The arguments from a NUL-separated raw command line whose last entries are the arguments; the
     * decoded ones when it does not line up with them.
     */
    static String[] recover(String[] args, byte[] cmdline) {
        List<String> raw = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                raw.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            raw.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        }
        if (raw.size() < args.length) {
            return args;
        }
        List<String> tail = raw.subList(raw.size() - args.length, raw.size());
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            String typed = tail.get(i);
            if (!sameOutsideUndecoded(args[i], typed)) {
                return args;
            }
            out[i] = typed;
        }
        return out;
    }

    private static boolean anyUndecoded(String[] args) {
        for (String a : args) {
            if (a.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the raw argument's ASCII characters are the decoded one's: the same argument. */
    private static boolean sameOutsideUndecoded(String decoded, String raw) {
        return ascii(decoded).equals(ascii(raw));
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().filter(c -> c < 0x80).forEach(c -> sb.append((char) c));
        return sb.toString();
    }
}
