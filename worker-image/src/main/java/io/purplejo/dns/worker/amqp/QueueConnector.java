/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.amqp;

import com.rabbitmq.client.Connection;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.config.AmqpUri;
import java.io.IOException;

/** Opens {@link QueueSession}s to the broker an {@link AmqpUri} names. */
public final class QueueConnector {
    private final AmqpUri uri;
    private final String queue;
    private final int prefetch;
    private final String clientName;

    public QueueConnector(AmqpUri uri, String queue, int prefetch, String clientName) {
        this.uri = uri;
        this.queue = queue;
        this.prefetch = prefetch;
        this.clientName = clientName;
    }

    /** Connects once; the exception message names the broker without the password. */
    public QueueSession open() throws IOException {
        Connection c = AmqpConnections.open(uri, clientName);
        try {
            return new QueueSession(c, queue, prefetch);
        } catch (IOException | RuntimeException e) {
            c.abort();
            throw e;
        }
    }

    public AmqpUri uri() {
        return uri;
    }
}
