/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's or the publisher's command line as tests run them: connected to the test database
 * and broker (and, for the worker, a test DNS server), with the options a test sets by their
 * declarations, so that a renamed option breaks at compile time and not in a running process.
 */
public final class TestCommandLine {
    private final Map<String, String> options = new LinkedHashMap<>();

    private TestCommandLine() {}

    /**
     * A worker on the test database, broker and queue, resolving with {@code resolvers}: batches
     * written within 20 ms, no metrics port.
     */
    public static TestCommandLine worker(TestDatabase db, TestBroker broker, String resolvers) {
        return connected(db, broker)
                .with(WorkerOptions.RESOLVERS, resolvers)
                .with(WorkerOptions.BATCH_DELAY_MS, 20)
                .with(WorkerOptions.METRICS_PORT, 0);
    }

    /** A publisher on the test database, broker and queue. */
    public static TestCommandLine publisher(TestDatabase db, TestBroker broker) {
        return connected(db, broker);
    }

    private static TestCommandLine connected(TestDatabase db, TestBroker broker) {
        return new TestCommandLine()
                .with(SharedOptions.POSTGRES_DSN, db.dsnText())
                .with(SharedOptions.RABBITMQ_URL, TestBroker.URL)
                .with(WorkerOptions.QUEUE_NAME, broker.queue());
    }

    /** Sets an option (once: a second value replaces the first). */
    public TestCommandLine with(Option<?> option, Object value) {
        options.put(option.name(), String.valueOf(value));
        return this;
    }

    /** The arguments, then {@code extra} as given. */
    public List<String> args(String... extra) {
        List<String> out = new ArrayList<>();
        options.forEach(
                (name, value) -> {
                    out.add("--" + name);
                    out.add(value);
                });
        out.addAll(List.of(extra));
        return out;
    }
}
