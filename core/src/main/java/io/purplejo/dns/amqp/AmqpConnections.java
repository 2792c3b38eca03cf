/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;

/**
 * Opens RabbitMQ connections the way every component needs them: from an {@link AmqpUri}, with the
 * client's automatic recovery off (after a lost connection, deliveries and confirms of the old
 * channel mean nothing, so each component reconnects itself), and errors that name the broker,
 * never the password.
 */
public final class AmqpConnections {
    /** Seconds between heartbeats unless the URI says {@code heartbeat=}. */
    static final int DEFAULT_HEARTBEAT_SECONDS = 30;

    /** Milliseconds to connect unless the URI says {@code connection_timeout=}. */
    static final int DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;

    private AmqpConnections() {}

    /** The innermost message of a failure, or its type when none has one. */
    static String reason(Throwable failure) {
        String why = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                why = t.getMessage();
            }
        }
        return why != null ? why : failure.getClass().getSimpleName();
    }

    /**
     * Connects once, as {@code clientName}; for amqps:// the broker's certificate must chain to the
     * URI's trust and name the host (unless that trust is the insecure one). Throws an IOException
     * naming the broker, or a {@link BrokerRefusedException} when the broker refused the
     * credentials or the virtual host.
     */
    public static Connection open(AmqpUri uri, String clientName) throws IOException {
        AmqpTrust trust = uri.trust();
        ConnectionFactory f = new ConnectionFactory();
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        // defaults that the URI's heartbeat= and connection_timeout= override
        f.setRequestedHeartbeat(DEFAULT_HEARTBEAT_SECONDS);
        f.setConnectionTimeout(DEFAULT_CONNECTION_TIMEOUT_MILLIS);
        try {
            f.setUri(uri.connectionUri());
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            // never e.getMessage(): it may quote the URI, password included
            throw new InvalidConfigurationException(
                    "RabbitMQ URL " + uri + " is not one the AMQP client accepts");
        }
        // setUri reads "amqp://host/" as the vhost "", AmqpUri as the default one, like the legacy
        // clients; and it trusts every certificate for amqps://, which the lines below replace
        f.setVirtualHost(uri.virtualHost());
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
        } catch (IOException e) {
            BrokerRefusedException refused = BrokerRefusedException.from(e, uri).orElse(null);
            if (refused != null) {
                throw refused;
            }
            // the client's IOException often has no message of its own: its cause says why
            throw new IOException("cannot connect to RabbitMQ at " + uri + ": " + reason(e), e);
        }
    }
}
