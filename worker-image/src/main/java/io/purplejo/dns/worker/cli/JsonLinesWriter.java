/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.resolve.TypeAnswer;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code --format json}: one JSON object per name and line, {@code domain}, {@code status}, the
 * reason of an invalid name, and per type its status and values; TXT bytes that are not UTF-8 text
 * in {@code values_base64}, exactly.
 */
final class JsonLinesWriter implements ResultWriter {
    private final Writer out;
    private final JsonGenerator json;

    JsonLinesWriter(Writer out) throws IOException {
        this.out = out;
        this.json = new JsonFactory().createGenerator(out);
        // each object ends its own line below: nothing between them, and nothing for no names
        json.setRootValueSeparator(new SerializedString(""));
    }

    @Override
    public void write(DomainResolution r) throws IOException {
        json.writeStartObject();
        json.writeStringField("domain", ResultFormat.resultName(r));
        json.writeStringField("status", r.outcome().dbName());
        if (r.invalidReason() != null) {
            json.writeStringField("reason", r.invalidReason());
        }
        for (TypeAnswer a : r.answers().values()) {
            writeType(a);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void writeType(TypeAnswer a) throws IOException {
        json.writeObjectFieldStart(RecordTypes.name(a.type()));
        json.writeStringField("status", a.outcome().dbName());
        json.writeArrayFieldStart("values");
        List<RecordValue.Text> binary = new ArrayList<>();
        for (RecordValue v : a.records()) {
            if (v.text() != null) {
                json.writeString(v.text());
            } else if (v instanceof RecordValue.Text txt) {
                binary.add(txt);
            }
        }
        json.writeEndArray();
        if (!binary.isEmpty()) {
            json.writeArrayFieldStart("values_base64");
            for (RecordValue.Text txt : binary) {
                json.writeString(Base64.getEncoder().encodeToString(txt.bytes()));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    @Override
    public void flush() throws IOException {
        json.flush();
        out.flush();
    }
}
