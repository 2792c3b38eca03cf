/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.SharedOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Type;

/** The record types the worker extracts, by name and by dnsjava type code. */
public final class RecordTypes {
    /** The legacy system's types, in the order results are reported. */
    public static final List<String> DEFAULT = SharedOptions.SUPPORTED_RECORD_TYPES;

    private RecordTypes() {}

    /** Parses "A,MX,TXT" (case-insensitive); throws naming an unsupported type. */
    public static List<Integer> parse(String commaSeparated) {
        List<Integer> types = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!DEFAULT.contains(name)) {
                throw new InvalidConfigurationException(
                        "record type '"
                                + part.trim()
                                + "' is not supported;"
                                + " choose from "
                                + String.join(",", DEFAULT));
            }
            int code = Type.value(name);
            if (!types.contains(code)) {
                types.add(code);
            }
        }
        if (types.isEmpty()) {
            throw new InvalidConfigurationException(
                    "no record types given; choose from " + String.join(",", DEFAULT));
        }
        return List.copyOf(types);
    }

    public static List<Integer> parse(List<String> names) {
        return parse(String.join(",", names));
    }

    public static String name(int type) {
        return Type.string(type);
    }
}
