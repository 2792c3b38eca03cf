/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before reconnecting: doubling from a first delay up to a cap, each wait jittered
 * to 80 to 100 percent so that many workers or publishers cut off together do not come back
 * together. Not thread-safe: one per retry loop.
 */
public final class Backoff {
    private final Duration first;
    private final Duration cap;
    private final DoubleSupplier random;
    private Duration next;

    /**
     * @param random a source of numbers in [0, 1)
     */
    public Backoff(Duration first, Duration cap, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "a backoff needs 0 < first <= cap, not " + first + " and " + cap);
        }
        this.first = first;
        this.cap = cap;
        this.random = random;
        this.next = first;
    }

    public Backoff(Duration first, Duration cap) {
        this(first, cap, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before the next try, before jitter: what to tell the user. */
    public Duration nominal() {
        return next;
    }

    /** The jittered wait for this try; the next one doubles, up to the cap. */
    public Duration nextWait() {
        Duration wait =
                Duration.ofMillis((long) (next.toMillis() * (0.8 + 0.2 * random.getAsDouble())));
        next = next.multipliedBy(2).compareTo(cap) > 0 ? cap : next.multipliedBy(2);
        return wait;
    }

    /** After a success: the next failure starts from the first delay again. */
    public void reset() {
        next = first;
    }
}
