/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.names.DomainTable;
import io.purplejo.dns.names.NameListFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Loads a list of names, one per line, into the {@code domains} table where missing, normalised as
 * every other part of the system stores them. The file is read as {@link NameListFile} reads every
 * list (UTF-8, byte-order mark ignored, blank lines and '#' comments skipped); a line that is not a
 * valid name is not loaded and is reported with its line number, never dropped silently.
 */
public final class DomainLoader {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(DomainLoader.class);
    private static final int BATCH = 10_000;
    private static final int REPORTED_INVALID = 10;

    /** What loading did. */
    public record Report(
            long names,
            long inserted,
            long alreadyPresent,
            long invalid,
            List<String> invalidLines) {
        public String describe(Path file) {
            StringBuilder sb =
                    new StringBuilder(
                            String.format(
                                    "%s: %,d names, %,d new, %,d already in domains",
                                    file, names, inserted, alreadyPresent));
            if (invalid > 0) {
                sb.append(
                                String.format(
                                        "; %,d lines are not valid names and were not loaded: ",
                                        invalid))
                        .append(String.join("; ", invalidLines));
                if (invalid > invalidLines.size()) {
                    sb.append(String.format("; ... (all %,d are listed in the log)", invalid));
                }
            }
            return sb.toString();
        }
    }

    private DomainLoader() {}

    public static Report load(DataSource dataSource, Path file) throws SQLException {
        return load(dataSource, file, null);
    }

    /**
     * Loads the list, and writes its valid names (stored form, one per line) to {@code selected}
     * when not null: the names a run of this list selects among.
     */
    public static Report load(DataSource dataSource, Path file, Path selected) throws SQLException {
        // one entry per domain, whatever its spelling: bücher.de and xn--bcher-kva.de are one
        Set<DomainName> batch = new LinkedHashSet<>();
        long[] counts = new long[3]; // names, inserted, invalid
        List<String> invalidLines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Writer valid =
                        selected == null
                                ? Writer.nullWriter()
                                : Files.newBufferedWriter(selected, StandardCharsets.UTF_8)) {
            NameListFile.forEach(
                    file,
                    (number, raw) -> {
                        DomainName.Parsed parsed = DomainName.parse(raw);
                        if (!parsed.valid()) {
                            counts[2]++;
                            String described =
                                    "line "
                                            + number
                                            + " '"
                                            + abbreviate(raw)
                                            + "' ("
                                            + parsed.invalidReason()
                                            + ")";
                            // every one in the log; the first few on the screen
                            LOG.info("{}: not loaded: {}", file, described);
                            if (invalidLines.size() < REPORTED_INVALID) {
                                invalidLines.add(described);
                            }
                            return;
                        }
                        try {
                            valid.write(parsed.name().stored());
                            valid.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (batch.add(parsed.name()) && batch.size() >= BATCH) {
                            counts[0] += batch.size();
                            counts[1] += insert(c, batch);
                            batch.clear();
                        }
                    });
            counts[0] += batch.size();
            counts[1] += insert(c, batch);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException("--domains-file " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException("--domains-file " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "--domains-file " + file + ": cannot be read: " + e.getMessage());
        }
        return new Report(counts[0], counts[1], counts[0] - counts[1], counts[2], invalidLines);
    }

    /** Inserts the names not yet present in either spelling; returns how many were new. */
    private static long insert(Connection c, Set<DomainName> names) throws SQLException {
        return DomainTable.findOrInsert(c, names).inserted();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
