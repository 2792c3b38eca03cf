/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.worker.amqp.Delivery;
import io.purplejo.dns.worker.store.ResolvedDomain;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delivery whose domains are being resolved and written. It decides its own fate: acknowledged
 * when the last of its domains is settled (committed, or dead-lettered on its own), never before;
 * left unacknowledged, for redelivery, when a domain could not be settled.
 */
final class TrackedMessage {
    private final Delivery delivery;
    private final AtomicInteger remaining;

    TrackedMessage(Delivery delivery, int domains) {
        this.delivery = delivery;
        this.remaining = new AtomicInteger(domains);
    }

    /** One domain committed or dead-lettered; the message is acknowledged after its last. */
    void domainSettled() {
        if (remaining.decrementAndGet() == 0) {
            delivery.ack();
        }
    }

    /**
     * Dead-letters one domain the database refused, as a one-domain batch with the reason, so that
     * the rest of the message is still stored. True once the broker confirmed the copy; the domain
     * is then settled by {@link #domainSettled()} like a stored one.
     */
    boolean deadLetterDomain(ResolvedDomain domain, String reason) {
        WorkMessage.DomainBatch single =
                new WorkMessage.DomainBatch(
                        domain.runId(),
                        List.of(),
                        List.of(
                                new WorkMessage.DomainRef(
                                        domain.domainIdHint(), domain.resolution().input())));
        return delivery.deadLetterCopy(MessageCodec.encode(single), reason);
    }
}
