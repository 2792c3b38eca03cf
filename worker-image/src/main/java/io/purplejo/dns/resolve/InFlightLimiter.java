/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds how many domains are resolving at once. Unlike a semaphore it wakes a waiting producer
 * only when the count has fallen to a low-water mark, so thousands of completions per second cost a
 * handful of thread wake-ups instead of one each.
 */
public final class InFlightLimiter {
    private final int max;
    private final int lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomOrEmpty = lock.newCondition();
    private int inFlight;
    private boolean waiting;

    public InFlightLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
        this.lowWater = Math.max(0, max - Math.max(1, max / 8));
    }

    /**
     * Waits until n more fit (n larger than the maximum waits until nothing is in flight), then
     * takes them.
     */
    public void acquire(int n) throws InterruptedException {
        lock.lock();
        try {
            while (inFlight > 0 && inFlight + n > max) {
                waiting = true;
                roomOrEmpty.await();
            }
            inFlight += n;
        } finally {
            lock.unlock();
        }
    }

    public void release(int n) {
        lock.lock();
        try {
            inFlight -= n;
            if (waiting && (inFlight <= lowWater || inFlight == 0)) {
                waiting = false;
                roomOrEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is in flight. */
    public void awaitEmpty() throws InterruptedException {
        lock.lock();
        try {
            while (inFlight > 0) {
                waiting = true;
                roomOrEmpty.await();
            }
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
