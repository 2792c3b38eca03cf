/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DomainResolution;
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
        List<byte[]> raw = new ArrayList<>();
        if (t == Type.TXT) {
            for (String v : values) {
                raw.add(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> cnames = t == Type.CNAME ? List.of(values) : List.of();
        answers.put(
                t,
                new TypeAnswer(
                        t,
                        values.length == 0 ? Outcome.NO_DATA : Outcome.RESOLVED,
                        List.of(values),
                        raw,
                        cnames,
                        1));
        return this;
    }

    Resolutions withBinaryTxt(byte[] bytes) {
        List<String> values = new ArrayList<>();
        values.add(null);
        answers.put(
                Type.TXT,
                new TypeAnswer(Type.TXT, Outcome.RESOLVED, values, List.of(bytes), List.of(), 1));
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
