/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of names, one per line, as people and other tools write them: UTF-8 (a malformed byte is
 * an error, never a replacement character), a byte-order mark at the start ignored, blank lines and
 * lines starting with '#' skipped, each line stripped. The one reader of such lists (the
 * publisher's {@code --domains-file}, the one-machine run's {@code --domains}, {@code resolve}'s
 * input).
 */
public final class NameListFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private NameListFile() {}

    /** What to do with each name line; may throw the caller's checked exception. */
    @FunctionalInterface
    public interface LineVisitor<E extends Exception> {
        void accept(long lineNumber, String text) throws E;
    }

    /**
     * Visits every name line in order with its line number; throws the reader's IOException (a
     * missing file, bytes that are not UTF-8) or the visitor's.
     */
    public static <E extends Exception> void forEach(Path file, LineVisitor<E> visitor)
            throws IOException, E {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            forEach(in, visitor);
        }
    }

    /**
     * Visits every name line of a stream (standard input) as {@link #forEach(Path, LineVisitor)}
     * does a file's; the stream is read as strict UTF-8 and left open.
     */
    public static <E extends Exception> void forEach(InputStream stream, LineVisitor<E> visitor)
            throws IOException, E {
        CharsetDecoder strict =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        forEach(new BufferedReader(new InputStreamReader(stream, strict), 1 << 16), visitor);
    }

    private static <E extends Exception> void forEach(BufferedReader in, LineVisitor<E> visitor)
            throws IOException, E {
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                visitor.accept(number, text);
            }
        }
    }

    /** Every name line, in order. */
    public static List<String> read(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        forEach(file, (number, text) -> names.add(text));
        return names;
    }
}
