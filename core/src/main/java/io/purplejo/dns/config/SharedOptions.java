/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The options every component reads the same way: where the data lives, the record types, logs. */
public final class SharedOptions {
    /** The legacy system's record types, in the order results are reported. */
    public static final List<String> SUPPORTED_RECORD_TYPES =
            List.of("A", "AAAA", "NS", "MX", "SOA", "CNAME", "TXT");

    public static final Option<String> POSTGRES_DSN =
            Option.secret(
                    "postgres-dsn",
                    "POSTGRES_DSN",
                    "required: `postgresql://user:pass@host:5432/db`, `postgresql+asyncpg://...` or `jdbc:postgresql://...`");
    public static final Option<String> RABBITMQ_URL =
            Option.secret(
                    "rabbitmq-url",
                    "RABBITMQ_URL",
                    "required: `amqp://user:pass@host:5672/vhost` (or `amqps://`)");
    public static final Option<Boolean> VERBOSE =
            Option.flag("verbose", "VERBOSE", false, "debug logging");

    /** Record type names, upper case, each once; at least one, each supported. */
    public static final Option<List<String>> RECORD_TYPES =
            Option.list(
                            "types",
                            "DNS_RECORD_TYPES",
                            String.join(",", SUPPORTED_RECORD_TYPES),
                            "record types to extract (the queue worker: of legacy messages; batch messages carry their own)")
                    .checked(SharedOptions::recordTypeNames);

    private SharedOptions() {}

    /**
     * The given record type names, upper case, each once; throws naming a type that is not
     * supported, or when none is given.
     */
    public static List<String> recordTypeNames(List<String> given) {
        List<String> types = new ArrayList<>();
        for (String part : given) {
            String name = part.toUpperCase(Locale.ROOT);
            if (!SUPPORTED_RECORD_TYPES.contains(name)) {
                throw new InvalidConfigurationException(
                        "record type '"
                                + part
                                + "' is not supported; choose from "
                                + String.join(",", SUPPORTED_RECORD_TYPES));
            }
            if (!types.contains(name)) {
                types.add(name);
            }
        }
        if (types.isEmpty()) {
            throw new InvalidConfigurationException(
                    "no record types given; choose from "
                            + String.join(",", SUPPORTED_RECORD_TYPES));
        }
        return List.copyOf(types);
    }
}
