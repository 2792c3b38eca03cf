package io.purplejo.dns.worker.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.purplejo.dns.config.AmqpUri;
import java.io.IOException;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeoutException;

/** Opens {@link QueueSession}s to the broker an {@link AmqpUri} names. */
public final class QueueConnector {
    private final ConnectionFactory factory = new ConnectionFactory();
    private final AmqpUri uri;
    private final String queue;
    private final int prefetch;
    private final String clientName;

    public QueueConnector(AmqpUri uri, String queue, int prefetch, String clientName) {
        this.uri = uri;
        this.queue = queue;
        this.prefetch = prefetch;
        this.clientName = clientName;
        factory.setHost(uri.host());
        factory.setPort(uri.port());
        factory.setVirtualHost(uri.virtualHost());
        factory.setUsername(uri.user());
        factory.setPassword(uri.password());
        // recovery is ours: after a lost connection, deliveries of the old channel must not be acknowledged
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(Integer.parseInt(uri.parameters().getOrDefault("heartbeat", "30")));
        factory.setConnectionTimeout(Integer.parseInt(uri.parameters().getOrDefault("connection_timeout", "10000")));
        if (uri.tls()) {
            try {
                factory.useSslProtocol();
            } catch (NoSuchAlgorithmException | KeyManagementException e) {
                throw new IllegalStateException("TLS is not available for RabbitMQ", e);
            }
        }
    }

    /** Connects once; the exception message names the broker without the password. */
    public QueueSession open() throws IOException {
        try {
            Connection c = factory.newConnection(clientName);
            try {
                return new QueueSession(c, queue, prefetch);
            } catch (IOException | RuntimeException e) {
                c.abort();
                throw e;
            }
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + uri, e);
        }
    }

    public AmqpUri uri() {
        return uri;
    }
}
