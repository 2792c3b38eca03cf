/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.publisher.stream.ConfirmTracker;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A publishing channel in confirm mode: each message is tracked until the broker confirms it;
 * refused messages are handed back for publishing again. At most {@code window} messages await
 * their confirm.
 */
public final class ConfirmingChannel implements AutoCloseable {
    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final ConfirmTracker tracker;
    private final int window;

    public ConfirmingChannel(AmqpUri uri, String queue, ConfirmTracker tracker, int window)
            throws IOException {
        this.queue = queue;
        this.tracker = tracker;
        this.window = window;
        connection = AmqpConnections.open(uri, "dns-publisher");
        channel = connection.createChannel();
        declare();
        channel.confirmSelect();
        channel.addConfirmListener(
                (seq, multiple) -> {
                    synchronized (tracker) {
                        tracker.acked(seq, multiple);
                        tracker.notifyAll();
                    }
                },
                (seq, multiple) -> {
                    synchronized (tracker) {
                        tracker.nacked(seq, multiple);
                        tracker.notifyAll();
                    }
                });
    }

    /**
     * Uses the queue as it exists (the legacy queue keeps its arguments), or creates it durable.
     */
    private void declare() throws IOException {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(queue);
            return;
        } catch (IOException e) {
            // 404: it does not exist yet
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
        channel.queueDeclare(queue, true, false, false, QueueNames.workQueueArguments(queue));
    }

    public void purge() throws IOException {
        channel.queuePurge(queue);
    }

    /** Messages ready in the queue. */
    public long depth() throws IOException {
        return channel.messageCount(queue);
    }

    /**
     * Publishes a message for the domain ids [firstId, lastId], waiting first while the window is
     * full.
     */
    public void publish(byte[] body, String contentType, long firstId, long lastId, int domains)
            throws IOException, InterruptedException {
        synchronized (tracker) {
            while (tracker.outstanding() >= window && !tracker.hasRefused()) {
                tracker.wait(1000);
                checkOpen();
            }
        }
        republishRefused();
        send(body, contentType, firstId, lastId, domains);
    }

    @SuppressWarnings("JavaUtilDate") // AMQP's timestamp property is a java.util.Date
    private void send(byte[] body, String contentType, long firstId, long lastId, int domains)
            throws IOException {
        AMQP.BasicProperties props =
                MessageProperties.PERSISTENT_BASIC
                        .builder()
                        .contentType(contentType)
                        .timestamp(new Date())
                        .build();
        synchronized (tracker) {
            long seq = channel.getNextPublishSeqNo();
            tracker.published(
                    new ConfirmTracker.Pending(seq, firstId, lastId, domains, body, contentType));
            channel.basicPublish("", queue, props, body);
        }
    }

    private void republishRefused() throws IOException {
        List<ConfirmTracker.Pending> again;
        synchronized (tracker) {
            again = tracker.takeRefused();
        }
        for (ConfirmTracker.Pending p : again) {
            send(p.body(), p.contentType(), p.firstId(), p.lastId(), p.domains());
        }
    }

    /**
     * Waits until every published message is confirmed (republishing refused ones); false on
     * timeout.
     */
    public boolean awaitConfirms(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            republishRefused();
            synchronized (tracker) {
                if (tracker.outstanding() == 0) {
                    return true;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                tracker.wait(Math.min(left, 1000));
                checkOpen();
            }
        }
    }

    /** Publishes legacy stop messages, confirmed. */
    public void publishStops(int count) throws IOException, InterruptedException, TimeoutException {
        for (int i = 0; i < count; i++) {
            channel.basicPublish(
                    "",
                    queue,
                    MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "__STOP__".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        channel.waitForConfirmsOrDie(60_000);
    }

    private void checkOpen() throws IOException {
        if (!channel.isOpen()) {
            throw new IOException(
                    "RabbitMQ channel closed: " + channel.getCloseReason().getMessage());
        }
    }

    @Override
    public void close() {
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
    }
}
