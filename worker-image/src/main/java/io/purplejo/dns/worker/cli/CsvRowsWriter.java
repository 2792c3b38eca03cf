/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.resolve.TypeAnswer;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;

/**
 * {@code --format csv} (RFC 4180): a row per record; a type without records has one row with an
 * empty value, and an invalid name one row without a type, so that every name and outcome is there.
 * TXT bytes that are not UTF-8 text go to {@code value_base64}. A name's rows are consecutive.
 */
final class CsvRowsWriter implements ResultWriter {
    static final String HEADER = "domain,status,type,type_status,value,value_base64";

    private final Writer out;

    CsvRowsWriter(Writer out, boolean header) throws IOException {
        this.out = out;
        if (header) {
            out.write(HEADER);
            out.write('\n');
        }
    }

    @Override
    public void write(DomainResolution r) throws IOException {
        String name = ResultFormat.resultName(r);
        String status = r.outcome().dbName();
        if (r.answers().isEmpty()) {
            row(name, status, "", "", "", "");
            return;
        }
        for (TypeAnswer a : r.answers().values()) {
            String type = RecordTypes.name(a.type());
            String typeStatus = a.outcome().dbName();
            if (a.records().isEmpty()) {
                row(name, status, type, typeStatus, "", "");
            }
            for (RecordValue v : a.records()) {
                if (v.text() != null) {
                    row(name, status, type, typeStatus, v.text(), "");
                } else if (v instanceof RecordValue.Text txt) {
                    String encoded = Base64.getEncoder().encodeToString(txt.bytes());
                    row(name, status, type, typeStatus, "", encoded);
                }
            }
        }
    }

    private void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields[i]));
        }
        out.write('\n');
    }

    /** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds , " or a break. */
    static String quoted(String field) {
        boolean plain = true;
        for (int i = 0; i < field.length() && plain; i++) {
            char c = field.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The first field of a row this writer wrote (its name), unquoted. */
    static String firstField(String row) {
        if (!row.startsWith("\"")) {
            int comma = row.indexOf(',');
            return comma < 0 ? row : row.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                if (i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    return field.toString();
                }
            } else {
                field.append(c);
            }
        }
        throw new IllegalArgumentException("a quoted field without its closing quote");
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
