/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock moved forward by what the test asked: the operator under test lives in the
 * future, so that a schedule's next minute comes at once, while the API server keeps real time.
 */
final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    /** Moves the operator's time forward. */
    void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the operator reads UTC");
    }
}
