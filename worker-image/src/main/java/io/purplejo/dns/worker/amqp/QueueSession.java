/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import io.purplejo.dns.message.QueueNames;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to RabbitMQ: a consuming channel with manual acknowledgements and a prefetch
 * window, and a confirming channel for dead letters. A delivery can only be acknowledged on the
 * channel that delivered it, so once the connection is lost its unacknowledged deliveries are left
 * to the broker to redeliver, and acknowledgements for them are skipped.
 */
public final class QueueSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueSession.class);

    private final Connection connection;
    private final Channel channel;
    private final Channel deadLetters;
    private final String queue;
    private volatile boolean open = true;
    private volatile String consumerTag;

    QueueSession(Connection connection, String queue, int prefetch) throws IOException {
        this.connection = connection;
        this.queue = queue;
        this.channel = connection.createChannel();
        channel.basicQos(prefetch);
        declare(queue);
        this.deadLetters = connection.createChannel();
        deadLetters.confirmSelect();
        deadLetters.queueDeclare(QueueNames.deadLetterQueue(queue), true, false, false, null);
        connection.addShutdownListener(
                cause -> {
                    if (open && !cause.isInitiatedByApplication()) {
                        LOG.warn("RabbitMQ connection lost: {}", cause.getMessage());
                    }
                    open = false;
                });
    }

    /** Uses the queue as it exists (a legacy queue keeps its arguments), or declares it durable. */
    private void declare(String name) throws IOException {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(name);
            return;
        } catch (IOException e) {
            // 404: the queue does not exist yet; the probe channel is closed by the broker
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
        channel.queueDeclare(name, true, false, false, QueueNames.workQueueArguments(name));
    }

    /** Starts delivering messages to the handler (on the client's dispatch thread). */
    public void consume(Consumer<Delivery> handler) throws IOException {
        consumerTag =
                channel.basicConsume(
                        queue,
                        false,
                        new DefaultConsumer(channel) {
                            @Override
                            public void handleDelivery(
                                    String tag,
                                    Envelope envelope,
                                    AMQP.BasicProperties properties,
                                    byte[] body) {
                                handler.accept(
                                        new Delivery(
                                                QueueSession.this,
                                                envelope.getDeliveryTag(),
                                                properties,
                                                body,
                                                envelope.isRedeliver()));
                            }
                        });
    }

    /**
     * Stops deliveries; messages already delivered stay ours until acknowledged or the channel
     * closes.
     */
    public void cancel() {
        String tag = consumerTag;
        if (tag != null && open) {
            try {
                channel.basicCancel(tag);
            } catch (IOException | RuntimeException e) {
                LOG.debug("cancel failed: {}", e.toString());
            }
        }
    }

    public boolean isOpen() {
        return open && channel.isOpen();
    }

    /**
     * Acknowledges a delivery of this session; false when the session is gone (the broker
     * redelivers).
     */
    public boolean ack(long deliveryTag) {
        if (!isOpen()) {
            return false;
        }
        try {
            channel.basicAck(deliveryTag, false);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ack failed (the message will be redelivered): {}", e.toString());
            return false;
        }
    }

    /** Gives a delivery back to the queue. */
    public void requeue(long deliveryTag) {
        if (!isOpen()) {
            return;
        }
        try {
            channel.basicNack(deliveryTag, false, true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("requeue failed (the broker requeues on close): {}", e.toString());
        }
    }

    /**
     * Copies a message to the dead-letter queue with the reason in a header, waiting for the
     * broker's confirm; false if that could not be done (the original must then not be
     * acknowledged).
     */
    public boolean deadLetter(byte[] body, AMQP.BasicProperties original, String reason) {
        if (!isOpen()) {
            return false;
        }
        Map<String, Object> headers = new HashMap<>();
        if (original != null && original.getHeaders() != null) {
            headers.putAll(original.getHeaders());
        }
        headers.put(QueueNames.REASON_HEADER, reason);
        headers.put("x-dnsx-original-queue", queue);
        AMQP.BasicProperties props =
                MessageProperties.PERSISTENT_BASIC
                        .builder()
                        .contentType(original == null ? null : original.getContentType())
                        .headers(headers)
                        .build();
        try {
            synchronized (deadLetters) {
                deadLetters.basicPublish("", QueueNames.deadLetterQueue(queue), props, body);
                deadLetters.waitForConfirmsOrDie(10_000);
            }
            return true;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.error("cannot dead-letter a message ({}): {}", reason, e.toString());
            return false;
        }
    }

    /** Messages waiting in the queue, or -1 when it cannot be read now. */
    public long queueDepth() {
        if (!isOpen()) {
            return -1;
        }
        try {
            return channel.messageCount(queue);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing RabbitMQ connection: {}", e.toString());
        }
    }
}
