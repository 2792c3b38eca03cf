/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes work messages. The project's batch format is compact JSON with content type
 * {@value #BATCH_CONTENT_TYPE}:
 *
 * <pre>{"v":1,"run":17,"types":["A","MX"],"domains":[[101,"example.com"],[102,"example.org"]]}
 * </pre>
 *
 * Any other body is the legacy format: one domain name in UTF-8, or {@value #STOP_BODY}. A legacy
 * name can never start with '{' (it would be invalid), so a body is a batch exactly when its
 * content type says so or it starts with '{'.
 */
public final class MessageCodec {
    public static final String BATCH_CONTENT_TYPE = "application/vnd.dnsx.batch.v1+json";
    public static final String STOP_BODY = "__STOP__";

    /**
     * The most domains a batch message may hold: what one worker keeps in memory for one message.
     */
    public static final int MAX_BATCH_DOMAINS = 10_000;

    /**
     * The largest batch body: room for {@value #MAX_BATCH_DOMAINS} domains of the longest names
     * even with every character escaped, and RabbitMQ 4's own default limit on a message.
     */
    public static final int MAX_BATCH_BYTES = 16 << 20;

    /**
     * The largest legacy body: one domain name (at most 253 characters, 1,012 bytes of UTF-8) and
     * spaces.
     */
    public static final int MAX_LEGACY_BYTES = 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private MessageCodec() {}

    /** Encodes a batch. */
    public static byte[] encode(WorkMessage.DomainBatch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * batch.domains().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeNumberField("run", batch.runId());
            g.writeArrayFieldStart("types");
            for (String t : batch.recordTypes()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("domains");
            for (WorkMessage.DomainRef d : batch.domains()) {
                g.writeStartArray();
                g.writeNumber(d.id());
                g.writeString(d.name());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a batch message", e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a body; throws {@link UndecodableMessageException} with the reason when it cannot.
     */
    public static WorkMessage decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw new UndecodableMessageException("empty message body");
        }
        boolean batch = BATCH_CONTENT_TYPE.equals(contentType) || body[0] == '{';
        if (batch) {
            expect(
                    body.length <= MAX_BATCH_BYTES,
                    "batch message of "
                            + body.length
                            + " bytes is larger than the"
                            + " limit of "
                            + MAX_BATCH_BYTES);
            return decodeBatch(body);
        }
        expect(
                body.length <= MAX_LEGACY_BYTES,
                "legacy message of "
                        + body.length
                        + " bytes cannot be a domain"
                        + " name (the limit is "
                        + MAX_LEGACY_BYTES
                        + ")");
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableMessageException("legacy message body is not valid UTF-8");
        }
        if (text.strip().equals(STOP_BODY)) {
            return new WorkMessage.Stop();
        }
        return new WorkMessage.LegacyDomain(text);
    }

    private static WorkMessage.DomainBatch decodeBatch(byte[] body) {
        long run = -1;
        int version = -1;
        List<String> types = new ArrayList<>();
        List<WorkMessage.DomainRef> domains = null;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "batch message is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "v" -> {
                        expect(value == JsonToken.VALUE_NUMBER_INT, "field v is not a number");
                        version = p.getIntValue();
                    }
                    case "run" -> {
                        expect(value == JsonToken.VALUE_NUMBER_INT, "field run is not a number");
                        run = p.getLongValue();
                    }
                    case "types" -> {
                        expect(value == JsonToken.START_ARRAY, "field types is not an array");
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            types.add(p.getText());
                        }
                        expect(
                                p.currentToken() == JsonToken.END_ARRAY,
                                "field types holds a non-string");
                    }
                    case "domains" -> {
                        expect(value == JsonToken.START_ARRAY, "field domains is not an array");
                        domains = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            expect(
                                    domains.size() < MAX_BATCH_DOMAINS,
                                    "batch message holds more than "
                                            + MAX_BATCH_DOMAINS
                                            + " domains");
                            expect(
                                    p.nextToken() == JsonToken.VALUE_NUMBER_INT,
                                    "a domain entry lacks its id");
                            long id = p.getLongValue();
                            expect(
                                    p.nextToken() == JsonToken.VALUE_STRING,
                                    "a domain entry lacks its name");
                            String name = p.getText();
                            expect(
                                    p.nextToken() == JsonToken.END_ARRAY,
                                    "a domain entry has extra fields");
                            domains.add(new WorkMessage.DomainRef(id, name));
                        }
                        expect(
                                p.currentToken() == JsonToken.END_ARRAY,
                                "field domains holds a non-array");
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UndecodableMessageException(
                    "batch message is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UndecodableMessageException(
                    "batch message is not valid JSON: " + e.getMessage());
        }
        expect(version == 1, "unsupported batch message version " + version);
        expect(run > 0, "batch message has no run id");
        expect(domains != null, "batch message has no domains");
        return new WorkMessage.DomainBatch(run, types, domains);
    }

    private static void expect(boolean condition, String reason) {
        if (!condition) {
            throw new UndecodableMessageException(reason);
        }
    }
}
