/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Opens RabbitMQ connections the way every component needs them: from an {@link AmqpUri}, with the
 * client's automatic recovery off (after a lost connection, deliveries and confirms of the old
 * channel mean nothing, so each component reconnects itself), and errors that name the broker,
 * never the password.
 */
public final class AmqpConnections {
    private AmqpConnections() {}

    /**
     * Connects once, as {@code clientName}; for amqps:// the broker's certificate must chain to the
     * URI's trust and name the host (unless that trust is the insecure one). Throws an IOException
     * naming the broker.
     */
    public static Connection open(AmqpUri uri, String clientName) throws IOException {
        AmqpTrust trust = uri.trust();
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(uri.host());
        f.setPort(uri.port());
        f.setVirtualHost(uri.virtualHost());
        f.setUsername(uri.user());
        f.setPassword(uri.password());
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setRequestedHeartbeat(Integer.parseInt(uri.parameters().getOrDefault("heartbeat", "30")));
        f.setConnectionTimeout(
                Integer.parseInt(uri.parameters().getOrDefault("connection_timeout", "10000")));
        try {
            if (uri.tls()) {
                f.useSslProtocol(trust.sslContext());
                if (!trust.insecure()) {
                    f.enableHostnameVerification();
                }
            }
            return f.newConnection(clientName);
        } catch (TimeoutException e) {
            throw new IOException(
                    "cannot connect to RabbitMQ at " + uri + ": " + e.getMessage(), e);
        }
    }
}
