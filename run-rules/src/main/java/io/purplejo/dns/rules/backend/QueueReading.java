/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.backend;

import io.purplejo.dns.rules.problem.RunProblem;

/** What the operator knows of a run's queue in RabbitMQ. */
public sealed interface QueueReading {
    /**
     * The queue answered (a queue that does not exist yet holds nothing).
     *
     * @param ready messages not yet delivered to a worker
     * @param consumers workers consuming
     * @param deadLettered messages in the queue's dead-letter queue ({@code <queue>.dead})
     */
    record Known(long ready, int consumers, long deadLettered) implements QueueReading {}

    /** RabbitMQ could not be read; the problem says why. */
    record Unavailable(RunProblem problem) implements QueueReading {}

    /** Not read: the run is finished, or its Secrets cannot be read. */
    record NotRead() implements QueueReading {}

    /** Ready messages, or -1 when unknown. */
    default long readyOrUnknown() {
        return this instanceof Known k ? k.ready() : -1;
    }

    /** Dead-lettered messages, or -1 when unknown. */
    default long deadLetteredOrUnknown() {
        return this instanceof Known k ? k.deadLettered() : -1;
    }
}
