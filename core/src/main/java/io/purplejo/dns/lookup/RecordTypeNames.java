/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The record types a run can extract, by name: the one list the options, the resolver and the
 * storage read (the CRD's enum is checked against it).
 */
public final class RecordTypeNames {
    /** The legacy system's types, in the order results are reported. */
    public static final List<String> SUPPORTED =
            List.of("A", "AAAA", "NS", "MX", "SOA", "CNAME", "TXT");

    private RecordTypeNames() {}

    /**
     * The given record type names, upper case, each once; throws naming a type that is not
     * supported, or when none is given.
     */
    public static List<String> parse(List<String> given) {
        List<String> types = new ArrayList<>();
        for (String part : given) {
            String name = part.toUpperCase(Locale.ROOT);
            if (!SUPPORTED.contains(name)) {
                throw new UnsupportedRecordTypeException(
                        "record type '"
                                + part
                                + "' is not supported; choose from "
                                + String.join(",", SUPPORTED));
            }
            if (!types.contains(name)) {
                types.add(name);
            }
        }
        if (types.isEmpty()) {
            throw new UnsupportedRecordTypeException(
                    "no record types given; choose from " + String.join(",", SUPPORTED));
        }
        return List.copyOf(types);
    }
}
