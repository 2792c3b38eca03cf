/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table of docs/reliability.md, filled by the tests that try each fault or bad input with what
 * they observed. Every run of those tests writes it to {@code target/reliability/<section>.md};
 * with {@code -Ddnsx.reliability.docs=<path of docs/reliability.md>} it also replaces the section
 * between {@code <!-- <section>:begin -->} and {@code <!-- <section>:end -->} in that file
 * (bench/reliability-report.sh).
 */
public final class ReliabilityReport {
    private final String section;
    private final List<String> columns;
    private final Map<String, List<String>> rows = new TreeMap<>();

    public ReliabilityReport(String section, String... columns) {
        this.section = section;
        this.columns = List.of(columns);
    }

    /**
     * Records one row; rows are sorted by their first cell so that the table does not depend on
     * test order.
     */
    public synchronized void row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(
                    columns.size() + " cells expected, got " + cells.length);
        }
        rows.put(cells[0], List.of(cells));
    }

    /** The table as Markdown. */
    public synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", columns)).append(" |\n");
        out.append("|").append("---|".repeat(columns.size())).append('\n');
        for (List<String> r : rows.values()) {
            out.append("| ")
                    .append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Writes the table under target/ and, when asked, into the documentation. */
    public synchronized void write() {
        if (rows.isEmpty()) {
            return;
        }
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(section + ".md"), markdown(), StandardCharsets.UTF_8);
            String docs = System.getProperty("dnsx.reliability.docs");
            if (docs != null && !docs.isBlank()) {
                Path doc = Path.of(docs);
                Files.writeString(
                        doc,
                        replaceSection(Files.readString(doc, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String replaceSection(String doc) {
        String begin = "<!-- " + section + ":begin -->\n";
        String end = "<!-- " + section + ":end -->";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalStateException(
                    "the document has no " + begin.strip() + " ... " + end + " section");
        }
        return doc.substring(0, b + begin.length()) + markdown() + doc.substring(e);
    }

    /**
     * Cells for a count of things that went wrong: "0" or the number in bold, so that a loss stands
     * out.
     */
    public static String loss(long n) {
        return n == 0 ? "0" : "**" + n + "**";
    }
}
