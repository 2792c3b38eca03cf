/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text), {@code /healthz} (alive) and {@code /readyz}
 * (connected).
 */
public final class HealthServer implements AutoCloseable {
    /**
     * The workers' port for /metrics, /healthz and /readyz: their default, and what the operator
     * sets.
     */
    public static final int WORKER_PORT = 9102;

    /** The operator's port for /metrics, /healthz and /readyz: its default, and the chart's. */
    public static final int OPERATOR_PORT = 8080;

    private final HttpServer server;

    public HealthServer(
            int port, Supplier<String> metrics, BooleanSupplier healthy, BooleanSupplier ready) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on metrics port " + port, e);
        }
        server.createContext(
                "/metrics", ex -> reply(ex, 200, metrics.get(), "text/plain; version=0.0.4"));
        server.createContext(
                "/healthz",
                ex ->
                        reply(
                                ex,
                                healthy.getAsBoolean() ? 200 : 503,
                                healthy.getAsBoolean() ? "ok\n" : "unhealthy\n",
                                "text/plain"));
        server.createContext(
                "/readyz",
                ex ->
                        reply(
                                ex,
                                ready.getAsBoolean() ? 200 : 503,
                                ready.getAsBoolean() ? "ready\n" : "not ready\n",
                                "text/plain"));
        server.setExecutor(
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "metrics-http");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String body, String type)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
