/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.message;

import java.util.List;

/** A message on the work queue, in one of the formats the worker accepts. */
public sealed interface WorkMessage {

    /** The project's format: many domains of one run per message. */
    record DomainBatch(long runId, List<String> recordTypes, List<DomainRef> domains)
            implements WorkMessage {
        public DomainBatch {
            recordTypes = List.copyOf(recordTypes);
            domains = List.copyOf(domains);
        }
    }

    /** The legacy format: the body is one domain name. */
    record LegacyDomain(String name) implements WorkMessage {}

    /** The legacy {@code __STOP__} body: the worker finishes its work and exits 0. */
    record Stop() implements WorkMessage {}

    /**
     * One domain of a batch: its {@code domains.id} (0 when the publisher did not know it) and its
     * name.
     */
    record DomainRef(long id, String name) {}
}
