/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Where an interrupted {@code resolve --output-file FILE} stopped: the names whose results the file
 * holds whole. What an interruption may have cut is not kept: a last line without its end, and in
 * CSV the last name's rows (its other rows may not have been written). {@link #cutTo} removes that
 * tail, so the resumed run appends after whole results only and those names are resolved again.
 *
 * @param done the result names the file holds whole
 * @param wholeBytes the length of the file up to the end of the last whole result
 * @param fileBytes the file's length as found
 */
record ResumePoint(Set<String> done, long wholeBytes, long fileBytes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing to resume: the file is missing or empty. */
    static ResumePoint none() {
        return new ResumePoint(Set.of(), 0, 0);
    }

    /** Reads what the file holds; a file not of this format is a configuration error. */
    static ResumePoint read(Path file, ResultFormat format) throws IOException {
        if (!Files.exists(file)) {
            return none();
        }
        Set<String> done = new HashSet<>();
        long fileBytes = Files.size(file);
        long offset = 0;
        long whole = 0;
        long lastGroupStart = 0;
        String lastName = null;
        long lineNumber = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                long start = offset;
                offset += line.size() + 1;
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (format == ResultFormat.CSV && lineNumber == 1) {
                    requireHeader(file, text);
                    whole = offset;
                    lastGroupStart = offset;
                    continue;
                }
                String name = nameOf(file, format, text, lineNumber);
                if (!name.equals(lastName)) {
                    lastGroupStart = start;
                    lastName = name;
                }
                done.add(name);
                whole = offset;
            }
        }
        if (format == ResultFormat.CSV && lastName != null) {
            // the last name's rows may be cut short: it is resolved again
            done.remove(lastName);
            whole = lastGroupStart;
        }
        return new ResumePoint(done, whole, fileBytes);
    }

    private static void requireHeader(Path file, String text) {
        if (!CsvRowsWriter.HEADER.equals(text)) {
            throw new InvalidConfigurationException(
                    file + " does not start with resolve's CSV header; not resuming into it");
        }
    }

    private static String nameOf(Path file, ResultFormat format, String text, long lineNumber) {
        try {
            if (format == ResultFormat.CSV) {
                return CsvRowsWriter.firstField(text);
            }
            JsonNode node = JSON.readTree(text);
            if (node != null && node.path("domain").isTextual()) {
                return node.get("domain").asText();
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidConfigurationException(
                file
                        + " line "
                        + lineNumber
                        + " is not a result of resolve --format "
                        + format.name().toLowerCase(java.util.Locale.ROOT)
                        + "; not resuming into it");
    }

    /** Whether some of the file is cut away before appending. */
    boolean cutsTail() {
        return wholeBytes < fileBytes;
    }

    /** Cuts the file to its whole results. */
    void cutTo(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(wholeBytes);
        }
    }

    /** Whether an input line's name already has its result in the file. */
    boolean isDone(String inputLine) {
        return done.contains(inputLine) || done.contains(ResultFormat.resultNameOf(inputLine));
    }
}
