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

/**
 * {@code --format text}: {@code name TYPE value} per record, as massdns's simple form (without
 * trailing dots), for reading and grep; names without records leave no line (their outcomes are in
 * the statistics). TXT bytes that are not UTF-8 text are written as {@code \DDD} escapes.
 */
final class TextRecordsWriter implements ResultWriter {
    private final Writer out;

    TextRecordsWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(DomainResolution r) throws IOException {
        String name = ResultFormat.resultName(r);
        for (TypeAnswer a : r.answers().values()) {
            String type = RecordTypes.name(a.type());
            for (RecordValue v : a.records()) {
                out.write(name);
                out.write(' ');
                out.write(type);
                out.write(' ');
                out.write(v.text() != null ? v.text() : escaped(((RecordValue.Text) v).bytes()));
                out.write('\n');
            }
        }
    }

    /** Bytes as zone files write them: printable ASCII as is, every other byte as \DDD. */
    static String escaped(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int u = b & 0xff;
            if (u >= 0x21 && u <= 0x7e && u != '\\') {
                sb.append((char) u);
            } else {
                sb.append(String.format("\\%03d", u));
            }
        }
        return sb.toString();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
