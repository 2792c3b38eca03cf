/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import io.purplejo.dns.lookup.RecordTypeNames;
import io.purplejo.dns.lookup.UnsupportedRecordTypeException;
import java.util.List;

/** The options every component reads the same way: where the data lives, the record types, logs. */
public final class SharedOptions {
    /** The legacy system's record types, in the order results are reported. */
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
                            String.join(",", RecordTypeNames.SUPPORTED),
                            "record types to extract (the queue worker: of legacy messages; batch messages carry their own)")
                    .checked(SharedOptions::recordTypes);

    private SharedOptions() {}

    /** The names checked by {@link RecordTypeNames}, refused as a configuration error. */
    private static List<String> recordTypes(List<String> given) {
        try {
            return RecordTypeNames.parse(given);
        } catch (UnsupportedRecordTypeException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }
}
