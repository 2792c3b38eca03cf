/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.amqp;

import com.rabbitmq.client.AMQP;

/** One message as it arrived, with the session whose channel can acknowledge it. */
public record Delivery(
        QueueSession session,
        long deliveryTag,
        AMQP.BasicProperties properties,
        byte[] body,
        boolean redelivered) {}
