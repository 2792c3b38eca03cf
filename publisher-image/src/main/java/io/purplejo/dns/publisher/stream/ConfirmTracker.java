/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Follows published messages until the broker confirms them, and derives the run's checkpoint: the
 * highest domain id such that every selected domain up to it is in a confirmed message. Messages
 * carry consecutive id ranges in id order, so the checkpoint is just below the first unconfirmed
 * range. Not thread-safe: the caller synchronises (confirms arrive on the connection's thread).
 */
public final class ConfirmTracker {
    /**
     * One unconfirmed message: its publish sequence number, domain id range, body and type (to
     * republish on nack).
     */
    public record Pending(
            long seq, long firstId, long lastId, int domains, byte[] body, String contentType) {}

    private final NavigableMap<Long, Pending> bySeq = new TreeMap<>();
    private final NavigableMap<Long, Pending> byFirstId = new TreeMap<>();
    private final List<Pending> refused = new ArrayList<>();
    private long lastPublishedId;
    private long confirmedDomains;

    /** Starts from a resumed checkpoint. */
    public ConfirmTracker(long checkpoint) {
        this.lastPublishedId = checkpoint;
    }

    public void published(Pending p) {
        bySeq.put(p.seq(), p);
        byFirstId.put(p.firstId(), p);
        lastPublishedId = Math.max(lastPublishedId, p.lastId());
    }

    /** The broker confirmed {@code seq} (and, with multiple, everything before it). */
    public void acked(long seq, boolean multiple) {
        for (Pending p : take(seq, multiple)) {
            confirmedDomains += p.domains();
        }
    }

    /**
     * The broker refused {@code seq} (and before). The messages stay below the checkpoint until
     * they are published again and confirmed; {@link #takeRefused()} hands them out for that.
     */
    public void nacked(long seq, boolean multiple) {
        for (Pending p : take(seq, multiple)) {
            refused.add(p);
            byFirstId.put(p.firstId(), p);
        }
    }

    /**
     * Refused messages to publish again (each then goes through {@link #published} with a new
     * sequence).
     */
    public List<Pending> takeRefused() {
        List<Pending> out = new ArrayList<>(refused);
        refused.clear();
        return out;
    }

    public boolean hasRefused() {
        return !refused.isEmpty();
    }

    private List<Pending> take(long seq, boolean multiple) {
        List<Pending> out = new ArrayList<>();
        if (multiple) {
            var head = bySeq.headMap(seq, true);
            out.addAll(head.values());
            head.clear();
        } else {
            Pending p = bySeq.remove(seq);
            if (p != null) {
                out.add(p);
            }
        }
        for (Pending p : out) {
            byFirstId.remove(p.firstId());
        }
        return out;
    }

    /** Every selected domain with an id up to this one is confirmed. */
    public long checkpoint() {
        return byFirstId.isEmpty() ? lastPublishedId : byFirstId.firstKey() - 1;
    }

    /** Domains confirmed since this tracker started. */
    public long confirmedDomains() {
        return confirmedDomains;
    }

    /** Messages awaiting a confirm or waiting to be published again. */
    public int outstanding() {
        return bySeq.size() + refused.size();
    }
}
