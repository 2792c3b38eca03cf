/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.security.SecureRandom;

/**
 * The query IDs in use on each socket and what waits for each: a fresh random 16-bit ID per query
 * (never one in use), so that an off-path attacker must guess the ID and the source port together.
 *
 * @param <T> what waits for an answer with that ID
 */
final class QueryIds<T> {
    static final int ID_SPACE = 65536;

    /** Random tries for a free ID before the socket counts as full for this turn. */
    private static final int TRIES = 64;

    private final Object[][] waiting;
    private final int[] inUse;
    private final SecureRandom random = new SecureRandom();
    private final byte[] randomBytes = new byte[1 << 16];
    private int randomPos = randomBytes.length;

    QueryIds(int sockets) {
        waiting = new Object[sockets][ID_SPACE];
        inUse = new int[sockets];
    }

    /**
     * Takes a free random ID on a socket for {@code holder}, or returns -1 when more than half of
     * the socket's IDs are in use (random IDs would then collide too often and be easier to guess).
     */
    int take(int socket, T holder) {
        if (inUse[socket] > ID_SPACE / 2) {
            return -1;
        }
        Object[] table = waiting[socket];
        for (int tries = 0; tries < TRIES; tries++) {
            int id = nextRandom16();
            if (table[id] == null) {
                table[id] = holder;
                inUse[socket]++;
                return id;
            }
        }
        return -1;
    }

    /** What waits for this ID on this socket, or null. */
    @SuppressWarnings("unchecked")
    T holder(int socket, int id) {
        return (T) waiting[socket][id];
    }

    /** Frees an ID if {@code holder} still holds it. */
    void release(int socket, int id, T holder) {
        if (waiting[socket][id] == holder) {
            waiting[socket][id] = null;
            inUse[socket]--;
        }
    }

    /** IDs in use on a socket. */
    int inUse(int socket) {
        return inUse[socket];
    }

    private int nextRandom16() {
        if (randomPos + 2 > randomBytes.length) {
            random.nextBytes(randomBytes);
            randomPos = 0;
        }
        int v = ((randomBytes[randomPos] & 0xff) << 8) | (randomBytes[randomPos + 1] & 0xff);
        randomPos += 2;
        return v;
    }
}
