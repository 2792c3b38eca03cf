/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link DnsClient} counted since it started: the queries it sent, and the responses it
 * could not use, by why. Counted by the client's loop, read by metrics and summaries.
 */
public final class ClientStatistics {
    private final LongAdder queriesSent = new LongAdder();
    private final LongAdder tcpQueries = new LongAdder();
    private final LongAdder mismatchedResponses = new LongAdder();
    private final LongAdder lateResponses = new LongAdder();
    private final LongAdder malformedResponses = new LongAdder();
    private final LongAdder loopErrors = new LongAdder();

    void querySent() {
        queriesSent.increment();
    }

    void tcpQuery() {
        tcpQueries.increment();
    }

    void mismatchedResponse() {
        mismatchedResponses.increment();
    }

    void lateResponse() {
        lateResponses.increment();
    }

    void malformedResponse() {
        malformedResponses.increment();
    }

    void loopError() {
        loopErrors.increment();
    }

    /** UDP and TCP queries sent. */
    public long queriesSent() {
        return queriesSent.sum();
    }

    /** Queries retried over TCP after a truncated answer. */
    public long tcpQueries() {
        return tcpQueries.sum();
    }

    /** Responses dropped for a wrong source, ID or question (spoofing attempts look like this). */
    public long mismatchedResponses() {
        return mismatchedResponses.sum();
    }

    /** Responses that came after their lookup had ended (timed out or answered). */
    public long lateResponses() {
        return lateResponses.sum();
    }

    /** Responses that could not be parsed. */
    public long malformedResponses() {
        return malformedResponses.sum();
    }

    /** Unexpected errors of the client's loop, each survived. */
    public long loopErrors() {
        return loopErrors.sum();
    }
}
