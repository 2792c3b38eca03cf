/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.names.DomainTable;
import java.io.BufferedReader;
import java.io.IOException;
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
 * every other part of the system stores them. Blank lines and lines starting with '#' are skipped;
 * a line that is not a valid name is not loaded and is reported with its line number, never dropped
 * silently.
 */
public final class DomainLoader {
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
                    sb.append("; ...");
                }
            }
            return sb.toString();
        }
    }

    private DomainLoader() {}

    public static Report load(DataSource dataSource, Path file) throws SQLException {
        // one entry per domain, whatever its spelling: bücher.de and xn--bcher-kva.de are one
        Set<DomainName> batch = new LinkedHashSet<>();
        long names = 0;
        long inserted = 0;
        long invalid = 0;
        List<String> invalidLines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Connection c = dataSource.getConnection()) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String raw = line.strip();
                if (raw.isEmpty() || raw.startsWith("#")) {
                    continue;
                }
                DomainName.Parsed parsed = DomainName.parse(raw);
                if (!parsed.valid()) {
                    invalid++;
                    if (invalidLines.size() < REPORTED_INVALID) {
                        invalidLines.add(
                                "line "
                                        + number
                                        + " '"
                                        + abbreviate(raw)
                                        + "' ("
                                        + parsed.invalidReason()
                                        + ")");
                    }
                    continue;
                }
                if (batch.add(parsed.name()) && batch.size() >= BATCH) {
                    names += batch.size();
                    inserted += insert(c, batch);
                    batch.clear();
                }
            }
            names += batch.size();
            inserted += insert(c, batch);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException("--domains " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidConfigurationException("--domains " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "--domains " + file + ": cannot be read: " + e.getMessage());
        }
        return new Report(names, inserted, names - inserted, invalid, invalidLines);
    }

    /** Inserts the names not yet present in either spelling; returns how many were new. */
    private static long insert(Connection c, Set<DomainName> names) throws SQLException {
        return DomainTable.findOrInsert(c, names).inserted();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
