/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.lookup.RecordTypeNames;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Type;

/** The record types the worker extracts, by name and by dnsjava type code. */
public final class RecordTypes {
    /** The legacy system's types, in the order results are reported. */
    public static final List<String> DEFAULT = RecordTypeNames.SUPPORTED;

    private RecordTypes() {}

    /** Parses "A,MX,TXT" (case-insensitive); throws naming an unsupported type. */
    public static List<Integer> parse(String commaSeparated) {
        return parse(Arrays.asList(commaSeparated.split(",")));
    }

    /**
     * The type codes of these names, each once; the names are checked by {@link RecordTypeNames}.
     */
    public static List<Integer> parse(List<String> names) {
        List<String> given = names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        return RecordTypeNames.parse(given).stream().map(Type::value).toList();
    }

    public static String name(int type) {
        return Type.string(type);
    }
}
