/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.resolve.DomainResolution;
import java.io.IOException;
import java.io.Writer;

/**
 * The forms {@code resolve} writes its results in, and the one rule for the name a result is
 * written under (which {@code --resume} reads back).
 */
enum ResultFormat {
    /** A JSON line per name with every type's outcome and values: exact and complete. */
    JSON {
        @Override
        ResultWriter open(Writer out, boolean continuing) throws IOException {
            return new JsonLinesWriter(out);
        }
    },
    /** A row per record, or per type without records: exact and complete, for spreadsheets. */
    CSV {
        @Override
        ResultWriter open(Writer out, boolean continuing) throws IOException {
            return new CsvRowsWriter(out, !continuing);
        }
    },
    /** {@code name TYPE value} per record, as massdns's simple form: records only, for reading. */
    TEXT {
        @Override
        ResultWriter open(Writer out, boolean continuing) {
            return new TextRecordsWriter(out);
        }

        @Override
        boolean resumable() {
            return false; // a name without records leaves no line to find it by
        }
    };

    /** A writer of this form; {@code continuing} when appending to an earlier run's results. */
    abstract ResultWriter open(Writer out, boolean continuing) throws IOException;

    /** Whether every name leaves a line that names it, so that a resume can skip it. */
    boolean resumable() {
        return true;
    }

    /** The name a result is written under: its normalised form, or the line as given if invalid. */
    static String resultName(DomainResolution r) {
        return r.name() == null ? r.input() : r.name().stored();
    }

    /** The name an input line's result is written under, for a resume to look up. */
    static String resultNameOf(String inputLine) {
        DomainName.Parsed parsed = DomainName.parse(inputLine);
        return parsed.valid() ? parsed.name().stored() : inputLine;
    }
}
