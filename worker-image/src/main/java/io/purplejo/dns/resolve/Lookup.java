/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.function.Consumer;
import org.xbill.DNS.Name;

/** One lookup of one type of one name and its current attempt; the DNS loop thread's alone. */
final class Lookup {
    final Name name;
    final int type;
    Consumer<TypeAnswer> callback;

    /** When the lookup ends as a failure whatever it waits for; set by its first query. */
    long deadline;

    int attempts;
    boolean done;
    boolean noEdns;

    /**
     * An answer to this lookup came but could not be parsed: if no good one comes, it ends
     * malformed.
     */
    boolean malformedSeen;

    ResolverState lastResolver;
    byte[] wire;

    // the current UDP attempt: its socket (-1 when none), query ID, send time and resolver
    int channel = -1;
    int id;
    long sentAt;
    ResolverState resolver;

    Lookup(Name name, int type, Consumer<TypeAnswer> callback) {
        this.name = name;
        this.type = type;
        this.callback = callback;
    }

    /** Whether a UDP attempt is out, waiting for its answer. */
    boolean attemptOut() {
        return channel >= 0;
    }
}
