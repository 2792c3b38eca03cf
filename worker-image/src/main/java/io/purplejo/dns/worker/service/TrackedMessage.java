/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.worker.amqp.Delivery;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delivery whose domains are being resolved and written; it is acknowledged when the last of them
 * is committed (or dead-lettered), never before.
 */
final class TrackedMessage {
    private final Delivery delivery;
    private final AtomicInteger remaining;

    TrackedMessage(Delivery delivery, int domains) {
        this.delivery = delivery;
        this.remaining = new AtomicInteger(domains);
    }

    Delivery delivery() {
        return delivery;
    }

    /** Marks one domain as stored; true when it was the last. */
    boolean domainDone() {
        return remaining.decrementAndGet() == 0;
    }
}
