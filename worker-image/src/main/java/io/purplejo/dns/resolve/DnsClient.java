/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * A bulk DNS stub client: one event-loop thread drives a few long-lived UDP sockets with thousands
 * of queries in flight. Queries are built ({@link QueryWire}) and responses read ({@link
 * WireResponse}) in place, without dnsjava's object per record; the transport is this class.
 *
 * <ul>
 *   <li>Random 16-bit IDs per socket and kernel-chosen random source ports; a response counts only
 *       if it comes from the queried resolver's address and port, carries a pending ID, and repeats
 *       the question.
 *   <li>Timeouts are exact: every attempt has the same timeout, so attempts time out in the order
 *       they were sent and a FIFO queue is a complete timing wheel; the loop sleeps exactly until
 *       the next one.
 *   <li>Each retry goes to another resolver; timeouts, SERVFAIL and REFUSED are retried, NXDOMAIN
 *       is not.
 *   <li>Truncated answers are re-asked over TCP ({@link TcpFallback}); FORMERR to an EDNS query is
 *       re-asked without EDNS.
 *   <li>Every lookup has a hard deadline after which it ends as a timeout, whatever it is waiting
 *       for.
 *   <li>No exception escapes the loop: a failing callback is logged and the loop goes on.
 * </ul>
 *
 * {@link #lookup} may be called from any thread; callbacks run on the loop thread and must be
 * quick.
 */
public final class DnsClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsClient.class);
    private static final int MAX_READS_PER_WAKEUP = 4096;

    private final ResolverSettings settings;
    private final List<ResolverState> resolvers = new ArrayList<>();
    private final Selector selector;
    private final DatagramChannel[] channels;
    private final QueryIds<Lookup> queryIds;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final ArrayDeque<Lookup> fresh = new ArrayDeque<>();
    private final ArrayDeque<Lookup> retries = new ArrayDeque<>();
    private final LookupTimers timers;
    private final ResolverChoice choice;
    // a heap buffer: responses are read in place from its array, one at a time on the loop thread
    private final byte[] received = new byte[65535];
    private final ByteBuffer receiveBuffer = ByteBuffer.wrap(received);
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(65535);
    private final TcpFallback tcp;
    private final Thread loopThread;
    private volatile boolean running = true;
    private int nextChannel;

    /** Lookups accepted and not yet ended. */
    private final AtomicInteger active = new AtomicInteger();

    private final ClientStatistics statistics = new ClientStatistics();

    /** What this client counted since it started. */
    public ClientStatistics statistics() {
        return statistics;
    }

    public DnsClient(ResolverSettings settings) {
        this.settings = settings;
        long now = System.nanoTime();
        for (InetSocketAddress a : settings.resolvers()) {
            resolvers.add(new ResolverState(a, settings, now));
        }
        choice = new ResolverChoice(resolvers);
        timers = new LookupTimers(settings.timeout().toNanos(), settings.deadline().toNanos());
        queryIds = new QueryIds<>(settings.sockets());
        try {
            selector = Selector.open();
            channels = new DatagramChannel[settings.sockets()];
            for (int i = 0; i < channels.length; i++) {
                DatagramChannel ch = DatagramChannel.open();
                ch.configureBlocking(false);
                // large buffers absorb bursts of answers; the kernel caps them at net.core.rmem_max
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
                ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
                ch.bind(null);
                ch.register(selector, SelectionKey.OP_READ, i);
                channels[i] = ch;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open UDP sockets for DNS", e);
        }
        tcp = new TcpFallback();
        loopThread = new Thread(this::loop, "dns-client-loop");
        loopThread.setDaemon(true);
        loopThread.start();
    }

    /** The resolvers with their live windows and counters. */
    public List<ResolverState> resolvers() {
        return List.copyOf(resolvers);
    }

    /** Whether the event loop is running (it survives every error; it ends only on close). */
    public boolean isRunning() {
        return running && loopThread.isAlive();
    }

    /** Lookups accepted and not yet ended. */
    public int activeLookups() {
        return active.get();
    }

    /**
     * Looks up one type of one name (ASCII); the callback receives exactly one answer, on the loop
     * thread.
     */
    public void lookup(Name name, int type, Consumer<TypeAnswer> callback) {
        lookup(name, new int[] {type}, callback);
    }

    /**
     * Looks up several types of one name; the callback receives one answer per type, on the loop
     * thread. The queries are built here, on the caller's thread, to keep that work off the loop.
     */
    public void lookup(Name name, int[] types, Consumer<TypeAnswer> callback) {
        String ascii = name.toString(true);
        Lookup[] batch = new Lookup[types.length];
        for (int i = 0; i < types.length; i++) {
            batch[i] = new Lookup(name, types[i], callback);
            batch[i].wire = QueryWire.build(ascii, types[i], settings.ednsPayload());
        }
        active.addAndGet(types.length);
        post(
                () -> {
                    for (Lookup l : batch) {
                        accept(l);
                    }
                });
    }

    /** Hands a task to the loop thread from any thread, waking the loop if it sleeps. */
    private void post(Runnable task) {
        inbox.add(task);
        if (sleeping.get()) {
            selector.wakeup();
        }
    }

    /** Stops the loop; lookups still in flight end as timeouts. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loopThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tcp.close();
        try {
            selector.close();
            for (DatagramChannel ch : channels) {
                ch.close();
            }
        } catch (IOException e) {
            LOG.debug("closing DNS sockets", e);
        }
    }

    // ------------------------------------------------------------- loop thread only from here on

    private void accept(Lookup l) {
        // the deadline starts with the first query: a lookup that waited for room was never late
        fresh.add(l);
    }

    private void loop() {
        while (running) {
            try {
                long now = System.nanoTime();
                Runnable task;
                while ((task = inbox.poll()) != null) {
                    task.run();
                }
                expireAttempts(now);
                expireDeadlines(now);
                long waitNanos = dispatch(now);
                waitNanos = timers.nanosUntilNext(System.nanoTime(), waitNanos);
                sleeping.set(true);
                int ready;
                if (!inbox.isEmpty() || waitNanos <= 0) {
                    ready = selector.selectNow();
                } else {
                    long millis = Math.max(1, (waitNanos + 999_999) / 1_000_000);
                    ready = selector.select(Math.min(millis, 1000));
                }
                sleeping.set(false);
                if (ready > 0) {
                    var keys = selector.selectedKeys();
                    for (SelectionKey key : keys) {
                        receive((Integer) key.attachment());
                    }
                    keys.clear();
                }
            } catch (Throwable t) {
                statistics.loopError();
                LOG.error("DNS client loop error (the loop continues)", t);
            }
        }
        // closing: end everything that is still open, sent or not
        List<Lookup> open = timers.started();
        open.addAll(retries);
        open.addAll(fresh);
        for (Lookup l : open) {
            if (!l.done) {
                finish(l, TypeAnswer.failed(l.type, Outcome.TIMEOUT, l.attempts));
            }
        }
    }

    /**
     * Sends what windows and rate limits allow, taking retries and fresh lookups in turn, so that
     * names that never answer, retrying, cannot keep the names that do from being asked. Returns
     * how long until a rate-limited resolver has a token.
     */
    private long dispatch(long now) {
        long wait = Long.MAX_VALUE;
        int retriesLeft = retries.size();
        boolean retriesBlocked = false;
        boolean freshBlocked = false;
        boolean retryTurn = true;
        double bestLoss = choice.bestLoss();
        while ((retriesLeft > 0 && !retriesBlocked) || (!fresh.isEmpty() && !freshBlocked)) {
            boolean freshReady = !fresh.isEmpty() && !freshBlocked;
            if (retriesLeft > 0 && !retriesBlocked && (retryTurn || !freshReady)) {
                retryTurn = false;
                retriesLeft--;
                Lookup l = retries.pollFirst();
                if (l.done) {
                    continue;
                }
                // to a resolver other than the last one it asked
                ResolverState r = choice.pick(now, l.lastResolver, bestLoss);
                if (r == null) {
                    retries.addLast(l);
                    continue;
                }
                if (!send(l, r, now)) {
                    retries.addLast(l);
                    retriesBlocked = true;
                }
                continue;
            }
            retryTurn = true;
            Lookup l = fresh.peekFirst();
            if (l.done) {
                fresh.pollFirst();
                continue;
            }
            ResolverState r = choice.pick(now, null, bestLoss);
            if (r == null || !send(l, r, now)) {
                freshBlocked = true;
                continue;
            }
            fresh.pollFirst();
        }
        if (!fresh.isEmpty() || !retries.isEmpty()) {
            wait = choice.nanosUntilToken(now);
            if (wait == Long.MAX_VALUE) {
                wait = 1_000_000; // window-bound: answers or timeouts will free room
            }
        }
        return wait;
    }

    private boolean send(Lookup l, ResolverState r, long now) {
        int c = nextChannel;
        nextChannel = (nextChannel + 1) % channels.length;
        int id = queryIds.take(c, l);
        if (id < 0) {
            return false;
        }
        byte[] wire = l.wire;
        wire[0] = (byte) (id >>> 8);
        wire[1] = (byte) id;
        sendBuffer.clear();
        sendBuffer.put(wire).flip();
        try {
            if (channels[c].send(sendBuffer, r.address) == 0) {
                queryIds.release(c, id, l);
                return false; // socket buffer full: try again on the next turn
            }
        } catch (IOException e) {
            queryIds.release(c, id, l);
            r.onError();
            LOG.debug("send to {} failed: {}", r.address, e.toString());
            // counts as an attempt that failed at once
            timers.firstQuery(l, now);
            l.attempts++;
            l.lastResolver = r;
            afterFailedAttempt(l, Outcome.TIMEOUT, now);
            return true;
        }
        timers.firstQuery(l, now);
        l.channel = c;
        l.id = id;
        l.resolver = r;
        l.lastResolver = r;
        l.sentAt = now;
        l.attempts++;
        r.querySent();
        statistics.querySent();
        timers.attemptSent(l, now);
        return true;
    }

    /** Removes the current UDP attempt from the pending table. */
    private void clearAttempt(Lookup l) {
        if (l.attemptOut()) {
            queryIds.release(l.channel, l.id, l);
            l.channel = -1;
            l.resolver.queryEnded();
        }
    }

    private void expireAttempts(long now) {
        Lookup l;
        while ((l = timers.nextTimedOutAttempt(now)) != null) {
            ResolverState r = l.resolver;
            clearAttempt(l);
            r.onTimeout(now, l.sentAt);
            r.onAttemptEnded(false);
            afterFailedAttempt(l, noAnswer(l), now);
        }
    }

    /**
     * How a lookup that got no usable answer ends: malformed when answers came that could not be
     * parsed.
     */
    private static Outcome noAnswer(Lookup l) {
        return l.malformedSeen ? Outcome.MALFORMED : Outcome.TIMEOUT;
    }

    private void expireDeadlines(long now) {
        Lookup l;
        while ((l = timers.nextPastDeadline(now)) != null) {
            clearAttempt(l);
            finish(l, TypeAnswer.failed(l.type, noAnswer(l), l.attempts));
        }
    }

    private void afterFailedAttempt(Lookup l, Outcome failure, long now) {
        if (l.attempts < settings.attempts() && l.deadline - now > 0) {
            retries.addLast(l);
        } else {
            finish(l, TypeAnswer.failed(l.type, failure, l.attempts));
        }
    }

    private void receive(int c) {
        DatagramChannel ch = channels[c];
        for (int i = 0; i < MAX_READS_PER_WAKEUP; i++) {
            receiveBuffer.clear();
            SocketAddress from;
            try {
                from = ch.receive(receiveBuffer);
            } catch (IOException e) {
                // ICMP port unreachable and friends surface here on some systems; the attempt will
                // time out
                LOG.debug("receive failed: {}", e.toString());
                continue;
            }
            if (from == null) {
                return;
            }
            int length = receiveBuffer.position();
            if (length < WireResponse.HEADER_LENGTH) {
                statistics.malformedResponse();
                continue;
            }
            int id = ((received[0] & 0xff) << 8) | (received[1] & 0xff);
            Lookup l = queryIds.holder(c, id);
            if (l == null) {
                statistics.lateResponse();
                continue;
            }
            if (!from.equals(l.resolver.address)) {
                statistics.mismatchedResponse();
                continue;
            }
            WireResponse response;
            try {
                response = WireResponse.read(received, length);
            } catch (MalformedResponseException e) {
                statistics.malformedResponse();
                l.malformedSeen = true;
                continue;
            }
            if (!ResponsePolicy.answers(response, l.wire, l.type)) {
                statistics.mismatchedResponse();
                continue;
            }
            long now = System.nanoTime();
            ResolverState r = l.resolver;
            clearAttempt(l);
            r.onAnswer(now - l.sentAt, now);
            onResponse(l, response, r, now, false);
        }
    }

    private void onResponse(
            Lookup l, WireResponse response, ResolverState r, long now, boolean overTcp) {
        if (l.done) {
            return;
        }
        boolean ednsSent = !l.noEdns && settings.ednsPayload() > 0;
        ResponsePolicy.Action action = ResponsePolicy.actionFor(response, overTcp, ednsSent);
        switch (action) {
            case TAKE -> {
                r.onAttemptEnded(true);
                finish(l, AnswerExtractor.extract(response, l.type, l.attempts));
            }
            case ASK_OVER_TCP -> startTcp(l, r);
            case ASK_WITHOUT_EDNS -> {
                l.noEdns = true;
                l.wire = QueryWire.build(l.name.toString(true), l.type, 0);
                afterFailedAttempt(l, action.failure, now);
            }
            case FAIL_TRUNCATED, FAIL_SERVFAIL, FAIL_REFUSED -> {
                r.onError();
                r.onAttemptEnded(false);
                if (action == ResponsePolicy.Action.FAIL_REFUSED) {
                    r.onRefusal(now);
                }
                afterFailedAttempt(l, action.failure, now);
            }
        }
    }

    private void startTcp(Lookup l, ResolverState r) {
        l.attempts++;
        statistics.tcpQuery();
        // the exchange ends with the lookup, or after twice the UDP timeout: whichever comes first
        long exchangeDeadline =
                Math.min(
                        l.deadline,
                        System.nanoTime() + Math.max(settings.timeout().toNanos() * 2, 1));
        tcp.ask(
                r.address,
                l.wire.clone(),
                exchangeDeadline,
                (answer, malformed) -> post(() -> onTcpResult(l, r, answer, malformed)));
    }

    private void onTcpResult(Lookup l, ResolverState r, WireResponse response, boolean malformed) {
        if (l.done) {
            return;
        }
        long now = System.nanoTime();
        if (malformed) {
            statistics.malformedResponse();
            l.malformedSeen = true;
        }
        if (response == null || !ResponsePolicy.answers(response, l.wire, l.type)) {
            r.onError();
            r.onAttemptEnded(false);
            afterFailedAttempt(l, noAnswer(l), now);
            return;
        }
        onResponse(l, response, r, now, true);
    }

    private void finish(Lookup l, TypeAnswer answer) {
        if (l.done) {
            return;
        }
        l.done = true;
        active.decrementAndGet();
        Consumer<TypeAnswer> callback = l.callback;
        // an ended lookup may stay queued behind a slow one until its deadline: keep it small
        l.callback = null;
        l.wire = null;
        try {
            callback.accept(answer);
        } catch (Throwable t) {
            statistics.loopError();
            LOG.error("DNS answer callback failed for {} {}", l.name, l.type, t);
        }
    }
}
