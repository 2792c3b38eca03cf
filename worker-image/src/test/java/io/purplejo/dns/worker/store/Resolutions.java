/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.RecordFormat;
import io.purplejo.dns.resolve.RecordValue;
import io.purplejo.dns.resolve.TypeAnswer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/** Builds resolutions for store tests, as the resolver would hand them over. */
final class Resolutions {
    private final String input;
    private final Map<Integer, TypeAnswer> answers = new LinkedHashMap<>();

    private Resolutions(String input) {
        this.input = input;
    }

    static Resolutions of(String name) {
        return new Resolutions(name);
    }

    Resolutions with(String type, String... values) {
        int t = Type.value(type);
        List<RecordValue> records = new ArrayList<>();
        for (String v : values) {
            records.add(typed(t, v));
        }
        List<String> cnames = t == Type.CNAME ? List.of(values) : List.of();
        answers.put(
                t,
                new TypeAnswer(
                        t,
                        values.length == 0 ? Outcome.NO_DATA : Outcome.RESOLVED,
                        records,
                        cnames,
                        1));
        return this;
    }

    /** A value of a type from its canonical text, as the extractor would have typed it. */
    private static RecordValue typed(int type, String text) {
        String[] f = text.split(" ");
        return switch (type) {
            case Type.A, Type.AAAA -> new RecordValue.Address(text);
            case Type.NS, Type.CNAME -> new RecordValue.Host(text);
            case Type.MX -> new RecordValue.MailExchange(Integer.parseInt(f[0]), f[1]);
            case Type.SOA ->
                    new RecordValue.StartOfAuthority(
                            f[0],
                            f[1],
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]),
                            Long.parseLong(f[6]));
            case Type.TXT -> RecordFormat.text(text.getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(Type.string(type));
        };
    }

    Resolutions withBinaryTxt(byte[] bytes) {
        answers.put(
                Type.TXT,
                new TypeAnswer(
                        Type.TXT,
                        Outcome.RESOLVED,
                        List.of(RecordFormat.text(bytes)),
                        List.of(),
                        1));
        return this;
    }

    Resolutions failed(String type, Outcome outcome) {
        int t = Type.value(type);
        answers.put(t, TypeAnswer.failed(t, outcome, 3));
        return this;
    }

    DomainResolution build() {
        DomainName.Parsed p = DomainName.parse(input);
        if (!p.valid()) {
            return DomainResolution.invalid(input, p.invalidReason());
        }
        return new DomainResolution(
                input, p.name(), null, answers, DomainResolution.combine(answers.values()));
    }
}
