/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server for tests, on 127.0.0.1 (UDP and TCP, same ephemeral port), answering like a
 * recursive resolver from records the test adds (an alias is answered with its CNAME chain and the
 * target's records), and misbehaving on request per name: drop, delay, truncate, SERVFAIL, REFUSED,
 * mismatched IDs, FORMERR to EDNS queries, or stray records that the name does not own.
 */
public final class TestDnsServer implements AutoCloseable {
    /** How the server treats queries for a name. */
    public enum Behavior {
        ANSWER,
        DROP,
        DELAY,
        TRUNCATE,
        SERVFAIL,
        REFUSED,
        WRONG_ID,
        FORMERR_EDNS,
        STRAY_RECORDS,
        /** TC set over UDP and over TCP alike. */
        TRUNCATE_ALWAYS,
        /** The query's ID followed by bytes that are no DNS message, over UDP and TCP. */
        GARBAGE
    }

    private volatile DatagramSocket udp;
    private volatile ServerSocket tcp;
    private final int port;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Map<Name, Behavior> behaviors = new ConcurrentHashMap<>();
    private final Map<Name, AtomicInteger> udpQueries = new ConcurrentHashMap<>();
    private final Map<Name, AtomicInteger> tcpQueries = new ConcurrentHashMap<>();

    /**
     * The first {@value #KEPT_QUERIES} queries, for tests to inspect; a soak sends millions, which
     * a copy-on-write list would copy on every one.
     */
    private final java.util.Queue<Message> received =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final AtomicInteger receivedCount = new AtomicInteger();
    private static final int KEPT_QUERIES = 100_000;
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
    private volatile long delayMillis = 0;
    private volatile Behavior defaultBehavior = Behavior.ANSWER;
    private volatile double dropShare = 0;
    private volatile boolean tcpClosed = false;
    private final InetAddress bind;

    private TestDnsServer(InetAddress bind) throws IOException {
        this.bind = bind;
        // UDP and TCP must share a port number: take a free UDP port, retry if its TCP twin is
        // taken
        DnsPorts ports = DnsPorts.bindFree(bind);
        port = ports.port();
        serve(ports.udp(), ports.tcp());
    }

    private void serve(DatagramSocket u0, ServerSocket t0) throws IOException {
        udp = u0;
        tcp = t0;
        u0.setReceiveBufferSize(8 << 20);
        Thread u = new Thread(() -> serveUdp(u0), "test-dns-udp");
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(() -> serveTcp(t0), "test-dns-tcp");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Stops the server as a crashed or stopped process would: both ports close (queries to them are
     * refused by the kernel), the zone and behaviours are kept for {@link #restart()}.
     */
    public void stop() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Serves again on the same port after {@link #stop()}. */
    public void restart() {
        try {
            DnsPorts ports = DnsPorts.bind(bind, port);
            serve(ports.udp(), ports.tcp());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot restart the test DNS server on port " + port, e);
        }
    }

    public static TestDnsServer start() {
        return startOn(InetAddress.getLoopbackAddress());
    }

    /**
     * A server on another address of this machine (the end-to-end pods reach the host at
     * 10.213.0.1).
     */
    public static TestDnsServer startOn(InetAddress bind) {
        try {
            return new TestDnsServer(bind);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test DNS server", e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(bind, port);
    }

    /** "address:port", as --resolvers takes it. */
    public String spec() {
        return bind.getHostAddress() + ":" + port;
    }

    /**
     * Adds a record in zone-file syntax with an absolute owner, e.g. {@code "a.test. 300 IN A
     * 192.0.2.1"}.
     */
    public TestDnsServer add(String rr) {
        try {
            Record r =
                    Record.fromString(
                            Name.fromString(rr.split("\\s+")[0]),
                            typeOf(rr),
                            DClass.IN,
                            ttlOf(rr),
                            dataOf(rr),
                            Name.root);
            zone.computeIfAbsent(r.getName(), k -> new CopyOnWriteArrayList<>()).add(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad record: " + rr, e);
        }
        return this;
    }

    /** Adds a record built by the test (for TXT with arbitrary bytes). */
    public TestDnsServer add(Record r) {
        zone.computeIfAbsent(r.getName(), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    private static int typeOf(String rr) {
        return Type.value(rr.split("\\s+")[3]);
    }

    private static long ttlOf(String rr) {
        return Long.parseLong(rr.split("\\s+")[1]);
    }

    private static String dataOf(String rr) {
        String[] p = rr.split("\\s+", 5);
        return p.length > 4 ? p[4] : "";
    }

    public TestDnsServer behave(String name, Behavior behavior) {
        behaviors.put(name(name), behavior);
        return this;
    }

    /** How the server treats every name without a behaviour of its own (a misbehaving resolver). */
    public TestDnsServer behaveForAll(Behavior behavior) {
        this.defaultBehavior = behavior;
        return this;
    }

    /** Drops this share of UDP queries (0 to 1), at random, on top of each name's behaviour. */
    public TestDnsServer dropShare(double share) {
        this.dropShare = share;
        return this;
    }

    /** Refuses TCP connections (closes them at once), as a resolver with TCP closed. */
    public TestDnsServer closeTcp() {
        this.tcpClosed = true;
        return this;
    }

    private Behavior behaviorOf(Name qname) {
        return behaviors.getOrDefault(qname, defaultBehavior);
    }

    /** How long DELAY holds an answer. */
    public TestDnsServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public int udpQueriesFor(String name) {
        AtomicInteger n = udpQueries.get(name(name));
        return n == null ? 0 : n.get();
    }

    public int tcpQueriesFor(String name) {
        AtomicInteger n = tcpQueries.get(name(name));
        return n == null ? 0 : n.get();
    }

    private void keep(Message q) {
        if (receivedCount.incrementAndGet() <= KEPT_QUERIES) {
            received.add(q);
        }
    }

    /** Every query received, in order (the first {@value #KEPT_QUERIES}). */
    public List<Message> received() {
        return new ArrayList<>(received);
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("StatementSwitchToExpressionSwitch") // DROP continues the receive loop
    private void serveUdp(DatagramSocket udp) {
        byte[] buf = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                continue;
            }
            Message q;
            try {
                q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            } catch (IOException e) {
                continue;
            }
            keep(q);
            Name qname = q.getQuestion().getName();
            udpQueries.computeIfAbsent(qname, k -> new AtomicInteger()).incrementAndGet();
            Behavior b = behaviorOf(qname);
            if (dropShare > 0
                    && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < dropShare) {
                continue;
            }
            InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
            byte[] out;
            switch (b) {
                case DROP:
                    continue;
                case WRONG_ID:
                    {
                        Message r = answer(q);
                        r.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
                        out = r.toWire();
                        break;
                    }
                case TRUNCATE:
                case TRUNCATE_ALWAYS:
                    {
                        Message r = header(q, Rcode.NOERROR);
                        r.getHeader().setFlag(Flags.TC);
                        out = r.toWire();
                        break;
                    }
                case GARBAGE:
                    out = garbage(q);
                    break;
                case FORMERR_EDNS:
                    out = (q.getOPT() != null ? header(q, Rcode.FORMERR) : answer(q)).toWire();
                    break;
                default:
                    {
                        Message r = answer(q);
                        OPTRecord opt = q.getOPT();
                        int limit = opt == null ? 512 : Math.max(512, opt.getPayloadSize());
                        out = r.toWire();
                        if (out.length > limit) {
                            Message t = header(q, Rcode.NOERROR);
                            t.getHeader().setFlag(Flags.TC);
                            out = t.toWire();
                        }
                    }
            }
            byte[] reply = out;
            Runnable send =
                    () -> {
                        try {
                            udp.send(new DatagramPacket(reply, reply.length, client));
                        } catch (IOException e) {
                            // the test is over
                        }
                    };
            if (b == Behavior.DELAY) {
                var unused = delayer.schedule(send, delayMillis, TimeUnit.MILLISECONDS);
            } else {
                send.run();
            }
        }
    }

    private void serveTcp(ServerSocket tcp) {
        while (!tcp.isClosed()) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                return;
            }
            if (tcpClosed) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed anyway
                }
                continue;
            }
            Thread t = new Thread(() -> serveTcpConnection(s), "test-dns-tcp-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serveTcpConnection(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                int len = in.readUnsignedShort();
                byte[] b = new byte[len];
                in.readFully(b);
                Message q = new Message(b);
                keep(q);
                Name qname = q.getQuestion().getName();
                tcpQueries.computeIfAbsent(qname, k -> new AtomicInteger()).incrementAndGet();
                Behavior behavior = behaviorOf(qname);
                if (behavior == Behavior.DROP) {
                    continue;
                }
                byte[] r;
                if (behavior == Behavior.GARBAGE) {
                    r = garbage(q);
                } else if (behavior == Behavior.TRUNCATE_ALWAYS) {
                    Message partial = answer(q);
                    partial.getHeader().setFlag(Flags.TC);
                    r = partial.toWire();
                } else {
                    r = answer(q).toWire();
                }
                out.writeShort(r.length);
                out.write(r);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    /** The query's ID and flags, then a question count of 1 with no question behind it. */
    private static byte[] garbage(Message q) {
        int id = q.getHeader().getID();
        return new byte[] {
            (byte) (id >>> 8), (byte) id, (byte) 0x81, (byte) 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'x'
        };
    }

    private static Message header(Message q, int rcode) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.getHeader().setRcode(rcode);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        return r;
    }

    /**
     * The answer a recursive resolver gives: CNAME chain followed, NXDOMAIN when the final name is
     * unknown.
     */
    private Message answer(Message q) {
        Record question = q.getQuestion();
        Name qname = question.getName();
        int qtype = question.getType();
        Behavior b = behaviorOf(qname);
        if (b == Behavior.SERVFAIL) {
            return header(q, Rcode.SERVFAIL);
        }
        if (b == Behavior.REFUSED) {
            return header(q, Rcode.REFUSED);
        }
        Message r = header(q, Rcode.NOERROR);
        Name current = qname;
        for (int hop = 0; hop < 10; hop++) {
            List<Record> rrs = zone.get(current);
            if (rrs == null) {
                r.getHeader().setRcode(Rcode.NXDOMAIN);
                break;
            }
            Record cname =
                    rrs.stream().filter(x -> x.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname != null && qtype != Type.CNAME) {
                r.addRecord(cname, Section.ANSWER);
                current = ((CNAMERecord) cname).getTarget();
                continue;
            }
            for (Record x : rrs) {
                if (x.getType() == qtype) {
                    r.addRecord(x, Section.ANSWER);
                }
            }
            break;
        }
        if (b == Behavior.STRAY_RECORDS) {
            try {
                r.addRecord(
                        Record.fromString(
                                Name.fromString("stray.invalid."),
                                Type.A,
                                DClass.IN,
                                300,
                                "203.0.113.66",
                                Name.root),
                        Section.ANSWER);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return r;
    }

    @Override
    public void close() {
        stop();
        delayer.shutdownNow();
    }
}
