/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-asks a truncated query over TCP (RFC 7766 framing: a two-byte length before each message). The
 * whole exchange, connect to answer, ends by one deadline, so a server that drips its answer a byte
 * at a time holds a thread no longer than the lookup may last; messages for other IDs on the
 * connection are read past.
 */
final class TcpFallback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpFallback.class);

    /**
     * How an exchange ended: the answer, or null with whether an answer came that did not parse.
     */
    interface Result {
        void ended(WireResponse answer, boolean malformed);
    }

    /**
     * TCP exchanges at once. Each ends by its lookup's deadline, so a server that drips answers can
     * hold its threads only that long; the rest of the truncated answers wait in the queue
     * meanwhile.
     */
    static final int THREADS = 64;

    private final ThreadPoolExecutor pool;

    TcpFallback() {
        // up to THREADS exchanges at once, idle threads retire; with an unbounded queue a pool
        // never grows past its core size, so core and maximum are the same
        pool =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t = new Thread(r, "dns-tcp");
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Asks on one of the exchange threads; {@code result} runs on that thread. A task that waited
     * in the queue past its deadline does not connect at all.
     */
    void ask(InetSocketAddress resolver, byte[] query, long deadlineNanos, Result result) {
        pool.execute(
                () -> {
                    WireResponse answer = null;
                    boolean malformed = false;
                    try {
                        answer = query(resolver, query, deadlineNanos);
                    } catch (MalformedResponseException e) {
                        malformed = true;
                        LOG.debug(
                                "TCP answer from {} could not be parsed: {}",
                                resolver,
                                e.toString());
                    } catch (IOException e) {
                        LOG.debug("TCP query to {} failed: {}", resolver, e.toString());
                    }
                    result.ended(answer, malformed);
                });
    }

    /** Stops the exchange threads; exchanges in progress end with the lookups' deadlines. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * Messages with another ID read past on one connection before the server is taken as
     * misbehaving.
     */
    static final int MAX_FOREIGN_MESSAGES = 8;

    /**
     * Sends the query and returns the answer with its ID; throws on a connection failure, a framing
     * error, or when {@code deadlineNanos} ({@link System#nanoTime()}) passes, before connecting if
     * it already has.
     */
    WireResponse query(InetSocketAddress resolver, byte[] query, long deadlineNanos)
            throws IOException {
        int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(resolver, remainingMillis(deadlineNanos));
            OutputStream out = s.getOutputStream();
            byte[] framed = new byte[query.length + 2];
            framed[0] = (byte) (query.length >>> 8);
            framed[1] = (byte) query.length;
            System.arraycopy(query, 0, framed, 2, query.length);
            out.write(framed);
            out.flush();
            InputStream in = s.getInputStream();
            for (int i = 0; i <= MAX_FOREIGN_MESSAGES; i++) {
                byte[] length = readFully(s, in, 2, deadlineNanos);
                byte[] answer =
                        readFully(
                                s,
                                in,
                                ((length[0] & 0xff) << 8) | (length[1] & 0xff),
                                deadlineNanos);
                WireResponse m = WireResponse.read(answer, answer.length);
                if (m.id() == id) {
                    return m;
                }
            }
            throw new IOException(
                    "the TCP connection carried "
                            + (MAX_FOREIGN_MESSAGES + 1)
                            + " answers to other queries");
        }
    }

    /** Reads n bytes, however they are split, before the deadline. */
    private static byte[] readFully(Socket s, InputStream in, int n, long deadlineNanos)
            throws IOException {
        byte[] buf = new byte[n];
        int read = 0;
        while (read < n) {
            s.setSoTimeout(remainingMillis(deadlineNanos));
            int r = in.read(buf, read, n - read);
            if (r < 0) {
                throw new IOException(
                        "the TCP connection closed after " + read + " of " + n + " bytes");
            }
            read += r;
        }
        return buf;
    }

    /** Milliseconds left, at least 1 (0 would mean no timeout); throws when none are left. */
    private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("the lookup's deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
