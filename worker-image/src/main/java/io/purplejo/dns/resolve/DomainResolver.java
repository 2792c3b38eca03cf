/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.names.DomainName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Resolves every requested record type of a domain through a {@link DnsClient} and combines the
 * answers.
 */
public final class DomainResolver {
    private final DnsClient client;

    public DomainResolver(DnsClient client) {
        this.client = client;
    }

    /**
     * Resolves a raw name; {@code done} receives exactly one {@link DomainResolution}, at once for
     * an invalid name, else on the client's loop thread when the last type has its answer.
     */
    public void resolve(String rawName, List<Integer> types, Consumer<DomainResolution> done) {
        DomainName.Parsed parsed = DomainName.parse(rawName);
        if (!parsed.valid()) {
            done.accept(DomainResolution.invalid(rawName, parsed.invalidReason()));
            return;
        }
        resolve(rawName, parsed.name(), types, done);
    }

    /** Resolves a normalised name. */
    public void resolve(
            String input, DomainName name, List<Integer> types, Consumer<DomainResolution> done) {
        Name qname;
        try {
            qname = Name.fromString(name.ascii() + ".");
        } catch (TextParseException e) {
            done.accept(DomainResolution.invalid(input, "not a valid DNS name"));
            return;
        }
        Map<Integer, TypeAnswer> answers = new LinkedHashMap<>();
        for (int t : types) {
            answers.put(t, null);
        }
        int[] remaining = {types.size()};
        int[] codes = types.stream().mapToInt(Integer::intValue).toArray();
        client.lookup(
                qname,
                codes,
                answer -> {
                    // every callback of one domain runs on the client's single loop thread
                    answers.put(answer.type(), answer);
                    if (--remaining[0] == 0) {
                        done.accept(
                                new DomainResolution(
                                        input,
                                        name,
                                        null,
                                        answers,
                                        DomainResolution.combine(answers.values())));
                    }
                });
    }
}
