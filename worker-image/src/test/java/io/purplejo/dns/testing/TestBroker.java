/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.message.WorkMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A fresh, durable queue (and its dead-letter queue) on the test RabbitMQ at 127.0.0.1:5672
 * (guest/guest, or {@code DNSX_TEST_RABBITMQ_URL}), deleted on close with every queue derived from
 * its name.
 */
public final class TestBroker implements AutoCloseable {
    public static final String URL =
            System.getenv()
                    .getOrDefault(
                            "DNSX_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/%2F");

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final Set<String> derived = new LinkedHashSet<>();

    private TestBroker() throws IOException, TimeoutException {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(URL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        connection = f.newConnection("dnsx-test");
        channel = connection.createChannel();
        channel.confirmSelect();
        queue = "dnsx_test_" + UUID.randomUUID().toString().substring(0, 8);
        channel.queueDeclare(queue, true, false, false, null);
    }

    public static TestBroker create() {
        try {
            return new TestBroker();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the test RabbitMQ at " + URL, e);
        }
    }

    public String queue() {
        return queue;
    }

    public String deadLetterQueue() {
        return QueueNames.deadLetterQueue(queue);
    }

    /**
     * Another queue's name for the code under test to declare ({@code <queue>-<suffix>}); it and
     * its dead-letter queue are deleted on close with this broker's own, so that no test leaves
     * durable queues on the shared RabbitMQ.
     */
    public synchronized String derivedQueue(String suffix) {
        String name = queue + "-" + suffix;
        derived.add(name);
        return name;
    }

    /**
     * Publishes legacy single-domain bodies (or {@code __STOP__}), persistent, and waits for
     * confirms.
     */
    public void publishLegacy(String... bodies) {
        for (String b : bodies) {
            publish(b.getBytes(StandardCharsets.UTF_8), MessageProperties.PERSISTENT_TEXT_PLAIN);
        }
        confirm();
    }

    public void publishBatch(WorkMessage.DomainBatch batch) {
        publish(
                MessageCodec.encode(batch),
                MessageProperties.PERSISTENT_BASIC
                        .builder()
                        .contentType(MessageCodec.BATCH_CONTENT_TYPE)
                        .build());
        confirm();
    }

    public void publishRaw(byte[] body, AMQP.BasicProperties props) {
        publish(body, props);
        confirm();
    }

    /** Publishes a legacy body to another queue (declared durable if missing), confirmed. */
    public void publishRawTo(String otherQueue, byte[] body) {
        try {
            try (Channel probe = connection.createChannel()) {
                probe.queueDeclarePassive(otherQueue);
            } catch (IOException | TimeoutException e) {
                channel.queueDeclare(otherQueue, true, false, false, null);
                synchronized (this) {
                    derived.add(otherQueue);
                }
            }
            channel.basicPublish("", otherQueue, MessageProperties.PERSISTENT_TEXT_PLAIN, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        confirm();
    }

    private void publish(byte[] body, AMQP.BasicProperties props) {
        try {
            channel.basicPublish("", queue, props, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void confirm() {
        try {
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages ready in the queue (not counting those delivered and unacknowledged). */
    public long ready(String name) {
        try {
            return channel.queueDeclarePassive(name).getMessageCount();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Takes every message of a queue (acknowledging them), for inspection. */
    public List<GetResponse> drain(String name) {
        List<GetResponse> out = new ArrayList<>();
        try {
            GetResponse r;
            while ((r = channel.basicGet(name, true)) != null) {
                out.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        List<String> queues = new ArrayList<>();
        for (String name : derived) {
            queues.add(name);
            queues.add(QueueNames.deadLetterQueue(name));
        }
        queues.add(queue);
        queues.add(deadLetterQueue());
        for (String name : queues) {
            // a channel is closed by an error (a queue that was never declared is fine to
            // delete, but a broker outage the test caused is not), so each gets its own
            try (Channel c = connection.createChannel()) {
                c.queueDelete(name);
            } catch (IOException | TimeoutException | RuntimeException e) {
                // best effort: the broker may be gone
            }
        }
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
