/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/**
 * One resolver as the client loop sees it: its in-flight window (grows by one per answer, halves on
 * a timeout or REFUSED, at most once per timeout period, like TCP congestion control), its token
 * bucket and its counters. A timeout counts as congestion only when the resolver answered nothing
 * since that query was sent: a name that never answers says nothing about a resolver that answers
 * the others. Its recent loss (the share of attempts that got no usable answer) lets the client
 * prefer the resolvers that answer. Only the loop thread changes the window, bucket and loss;
 * counters are read by metrics.
 */
public final class ResolverState {
    final InetSocketAddress address;
    private final int maxWindow;
    private final int minWindow;
    private final double queriesPerSecond;
    private final double burst;
    private final long backoffNanos;

    // written by the event loop only; volatile so that the metrics thread reads a whole value
    private volatile double window;
    private volatile int inFlight;
    private double tokens;
    private long tokensAt;
    private long lastShrinkAt;
    private long lastAnswerAt;
    private long lastProbeAt;
    private volatile double loss; // written by the loop thread only, read by metrics

    // written by the loop thread, read by metrics from any thread
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();

    ResolverState(InetSocketAddress address, ResolverSettings settings, long now) {
        this.address = address;
        this.maxWindow = settings.maxWindow();
        this.minWindow = settings.minWindow();
        this.queriesPerSecond = settings.queriesPerSecond();
        this.burst = Math.max(1, settings.queriesPerSecond() / 20.0);
        this.backoffNanos = settings.timeout().toNanos();
        this.window = maxWindow;
        this.tokens = burst;
        this.tokensAt = now;
        this.lastShrinkAt = now - backoffNanos;
        this.lastAnswerAt = now - backoffNanos;
        this.lastProbeAt = now - PROBE_INTERVAL_NANOS;
    }

    public InetSocketAddress address() {
        return address;
    }

    public int window() {
        return (int) window;
    }

    public int inFlight() {
        return inFlight;
    }

    /** UDP queries sent to this resolver. */
    public long sent() {
        return sent.sum();
    }

    /** Answers that came back in time. */
    public long answered() {
        return answered.sum();
    }

    /** Attempts that got no answer in time. */
    public long timeouts() {
        return timeouts.sum();
    }

    /** Attempts that failed otherwise: SERVFAIL, REFUSED, truncated over TCP, a failed send. */
    public long errors() {
        return errors.sum();
    }

    /** The round-trip times of the answers, summed. */
    public long latencyNanos() {
        return latencyNanos.sum();
    }

    /** A UDP query to this resolver left: it takes a place in the window until it ends. */
    void querySent() {
        sent.increment();
        int before = inFlight; // one writer: no update is lost
        inFlight = before + 1;
    }

    /** A UDP query to this resolver ended (answered, timed out or abandoned). */
    void queryEnded() {
        int before = inFlight;
        inFlight = before - 1;
    }

    void onError() {
        errors.increment();
    }

    /** Whether a query may be sent now; takes a token if so. */
    boolean tryAcquire(long now) {
        if (inFlight >= (int) window) {
            return false;
        }
        if (queriesPerSecond > 0) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
        }
        return true;
    }

    /** Nanoseconds until a token is available, 0 when unlimited or available now. */
    long nanosUntilToken(long now) {
        if (queriesPerSecond <= 0) {
            return 0;
        }
        refill(now);
        return tokens >= 1
                ? 0
                : Math.max(1, (long) Math.ceil((1 - tokens) / queriesPerSecond * 1e9));
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - tokensAt) / 1e9 * queriesPerSecond);
        tokensAt = now;
    }

    void onAnswer(long rttNanos, long now) {
        answered.increment();
        lastAnswerAt = now;
        latencyNanos.add(rttNanos);
        double w = window;
        if (w < maxWindow) {
            window = Math.min(maxWindow, w + 1);
        }
    }

    /** A query sent at {@code sentAt} got no answer in time. */
    void onTimeout(long now, long sentAt) {
        timeouts.increment();
        if (lastAnswerAt - sentAt > 0) {
            return; // answering others since: the name is dead, not the resolver congested
        }
        shrink(now);
    }

    /** The resolver refused a query: a policy or a rate limit, so ask it less. */
    void onRefusal(long now) {
        shrink(now);
    }

    /**
     * Records how an attempt to this resolver ended: a usable answer (records, no data, NXDOMAIN),
     * or none (timeout, SERVFAIL, REFUSED, TCP failure). The loss is an average over about the last
     * {@value #LOSS_MEMORY} attempts, so one bad minute is forgotten within a few hundred queries.
     */
    void onAttemptEnded(boolean usable) {
        double before = loss; // one writer: no update is lost
        loss = before + ((usable ? 0.0 : 1.0) - before) / LOSS_MEMORY;
    }

    /** The recent share of attempts without a usable answer, 0 to 1. */
    public double loss() {
        return loss;
    }

    static final int LOSS_MEMORY = 100;

    /**
     * A resolver left aside for its loss is still asked this often, so that its recovery is seen.
     */
    static final long PROBE_INTERVAL_NANOS = 100_000_000L;

    /**
     * Whether a resolver left aside may be asked now: one query per {@link #PROBE_INTERVAL_NANOS}.
     */
    boolean probeDue(long now) {
        return now - lastProbeAt >= PROBE_INTERVAL_NANOS;
    }

    void probed(long now) {
        lastProbeAt = now;
    }

    private void shrink(long now) {
        if (now - lastShrinkAt >= backoffNanos) {
            window = Math.max(minWindow, window / 2);
            lastShrinkAt = now;
        }
    }
}
