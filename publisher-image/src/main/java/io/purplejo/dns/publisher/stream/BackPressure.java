/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.stream;

/**
 * Whether publishing must pause for the queue to drain: it pauses above the maximum depth and
 * resumes once the queue is down to three quarters of it, so that it does not flap at the limit. A
 * maximum of 0 means no limit: everything is published at once, as the legacy publisher did.
 */
public final class BackPressure {
    /**
     * Publishing resumes once the queue is down to this share of the maximum: far enough below it
     * that the publisher does not stop and start on every message.
     */
    static final double RESUME_SHARE = 0.75;

    private final long maxDepth;
    private final long resumeDepth;
    private boolean paused;

    public BackPressure(long maxDepth) {
        this.maxDepth = maxDepth;
        this.resumeDepth = (long) (maxDepth * RESUME_SHARE);
    }

    /** Whether there is a maximum at all (else the depth need not be read). */
    public boolean limited() {
        return maxDepth > 0;
    }

    /** Given the queue's depth now, whether to hold publishing. */
    public boolean hold(long depth) {
        if (!limited()) {
            return false;
        }
        if (paused) {
            paused = depth > resumeDepth;
        } else {
            paused = depth > maxDepth;
        }
        return paused;
    }
}
