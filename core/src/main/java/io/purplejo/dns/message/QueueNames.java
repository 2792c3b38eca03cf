/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.message;

/** Names of the queues the publisher and workers share. */
public final class QueueNames {
    /** The legacy system's queue, still the default. */
    public static final String DEFAULT_WORK_QUEUE = "dns_records";

    private QueueNames() {}

    /**
     * The dead-letter queue of a work queue. Workers publish poison messages there themselves, with
     * the reason in a header, so the work queue needs no dead-letter arguments and a queue declared
     * by the legacy publisher can be shared as it is.
     */
    public static String deadLetterQueue(String workQueue) {
        return workQueue + ".dead";
    }

    /**
     * Arguments a work queue is created with (by whichever of publisher and worker comes first):
     * messages the broker itself dead-letters (rejected, expired, over a delivery limit) land in
     * the same dead-letter queue as those the worker moves there. An existing queue is always used
     * as it is.
     */
    public static java.util.Map<String, Object> workQueueArguments(String workQueue) {
        return java.util.Map.of(
                "x-dead-letter-exchange",
                "",
                "x-dead-letter-routing-key",
                deadLetterQueue(workQueue));
    }

    /** Header holding why a message was dead-lettered. */
    public static final String REASON_HEADER = "x-dnsx-reason";
}
