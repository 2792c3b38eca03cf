package io.purplejo.dns.publisher.stream;

/**
 * Whether publishing must pause for the queue to drain: it pauses above the maximum depth and resumes
 * once the queue is down to three quarters of it, so that it does not flap at the limit.
 */
public final class BackPressure {
    private final long maxDepth;
    private final long resumeDepth;
    private boolean paused;

    public BackPressure(long maxDepth) {
        this.maxDepth = maxDepth;
        this.resumeDepth = maxDepth * 3 / 4;
    }

    /** Given the queue's depth now, whether to hold publishing. */
    public boolean hold(long depth) {
        if (paused) {
            paused = depth > resumeDepth;
        } else {
            paused = depth > maxDepth;
        }
        return paused;
    }

    public boolean paused() {
        return paused;
    }
}
