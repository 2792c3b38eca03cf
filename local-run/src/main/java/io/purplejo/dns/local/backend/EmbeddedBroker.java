/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.config.AmqpUri;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.qpid.server.SystemLauncher;

/**
 * An AMQP 0-9-1 broker in this process (Apache Qpid Broker-J), on 127.0.0.1 only, with a password
 * made for this process. Its queues live in memory: every local run is a new run with a queue of
 * its own, and a run that did not finish is selected again by the next one, so nothing needs to
 * outlive the process.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final String USER = "dnsx";
    private static final int BIND_ATTEMPTS = 5;

    private final SystemLauncher launcher;
    private final int port;
    private final String password;

    private EmbeddedBroker(SystemLauncher launcher, int port, String password) {
        this.launcher = launcher;
        this.port = port;
        this.password = password;
    }

    /** Starts the broker with its work files under {@code workDir}. */
    public static EmbeddedBroker start(Path workDir) {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            try {
                Files.createDirectories(workDir);
                int port = freePort();
                Path config = workDir.resolve("initial-config.json");
                Files.writeString(config, initialConfig(port), StandardCharsets.UTF_8);
                Map<String, Object> attributes = new HashMap<>();
                attributes.put("type", "Memory");
                attributes.put("initialConfigurationLocation", config.toUri().toString());
                attributes.put("startupLoggedToSystemOut", false);
                attributes.put(
                        "context",
                        Map.of(
                                "qpid.work_dir",
                                workDir.toString(),
                                "qpid.home_dir",
                                workDir.toString(),
                                "dnsx.password",
                                password,
                                "qpid.broker.defaultPreferenceStoreAttributes",
                                "{\"type\": \"Noop\"}"));
                SystemLauncher launcher = new SystemLauncher();
                try {
                    launcher.startup(attributes);
                } catch (Exception e) {
                    launcher.shutdown();
                    throw e;
                }
                return new EmbeddedBroker(launcher, port, password);
            } catch (Exception e) {
                // the free port may have been taken between finding it and binding it: try another
                last = e;
            }
        }
        throw new BackendUnavailableException(
                BackendUnavailableException.Backend.BROKER,
                "the embedded AMQP broker did not start: " + last.getMessage(),
                last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * The broker's configuration: one user, one AMQP 0-9-1 port on loopback, one in-memory virtual
     * host.
     */
    private static String initialConfig(int port) {
        return """
                {
                  "name": "dnsx-local",
                  "modelVersion": "8.0",
                  "authenticationproviders": [ {
                    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                    "users": [ { "name": "%s", "type": "managed", "password": "${dnsx.password}" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP", "port": %d, "bindingAddress": "127.0.0.1",
                    "protocols": [ "AMQP_0_9_1" ], "authenticationProvider": "plain",
                    "virtualhostaliases": [ { "name": "defaultAlias", "type": "defaultAlias" },
                                            { "name": "nameAlias", "type": "nameAlias" } ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                  } ]
                }
                """
                .formatted(USER, port);
    }

    /**
     * The broker's URL, password included: hand it to the commands, never print it (AmqpUri masks
     * it).
     */
    public AmqpUri uri() {
        return AmqpUri.parse(urlText());
    }

    public String urlText() {
        return "amqp://" + USER + ":" + password + "@127.0.0.1:" + port + "/default";
    }

    public int port() {
        return port;
    }

    /**
     * Creates a run's work queue, durable and without arguments: Qpid refuses RabbitMQ's
     * dead-letter arguments, which the publisher and the workers give a queue they create; they use
     * an existing queue as it is. Nothing depends on those arguments here: the workers move poison
     * messages to the dead-letter queue themselves and never reject a message without requeueing
     * it.
     */
    public void declareWorkQueue(String queue) {
        try (Connection c = AmqpConnections.open(uri(), "dns-extraction");
                Channel ch = c.createChannel()) {
            ch.queueDeclare(queue, true, false, false, null);
        } catch (IOException | TimeoutException e) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Backend.BROKER,
                    "the embedded broker did not create queue " + queue + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
