/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.amqp;

import com.rabbitmq.client.AMQP;

/**
 * One message as it arrived, with the session whose channel settles it: the one owner of its fate
 * (acknowledged, requeued, or dead-lettered with a reason).
 */
public record Delivery(
        QueueSession session,
        long deliveryTag,
        AMQP.BasicProperties properties,
        byte[] body,
        boolean redelivered) {

    /** Done with: acknowledged. False when its session is gone (the broker redelivers it). */
    public boolean ack() {
        return session.ack(deliveryTag);
    }

    /** Given back to the queue now (a lost session gives it back too). */
    public void requeue() {
        session.requeue(deliveryTag);
    }

    /**
     * Copied to the dead-letter queue with {@code reason}, then acknowledged once the broker
     * confirmed the copy; requeued when it did not. True when dead-lettered.
     */
    public boolean deadLetter(String reason) {
        if (deadLetterCopy(body, reason)) {
            ack();
            return true;
        }
        requeue();
        return false;
    }

    /**
     * Puts {@code part} (a piece of this message, such as one domain of a batch) in the dead-letter
     * queue with {@code reason} and this message's headers, without settling this message; true
     * once the broker confirmed it.
     */
    public boolean deadLetterCopy(byte[] part, String reason) {
        return session.deadLetter(part, properties, reason);
    }
}
