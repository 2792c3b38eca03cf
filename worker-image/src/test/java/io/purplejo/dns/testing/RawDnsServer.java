/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A DNS server on 127.0.0.1 that answers each query with whatever bytes the test makes for it, over
 * UDP (any number of datagrams, none or several) and TCP (raw bytes, frame lengths included, so
 * that frames can be cut short): the hostile answers that no well-behaved server library would
 * send.
 */
public final class RawDnsServer implements AutoCloseable {
    /**
     * What the server writes on a TCP connection for one query; it may write anything, or nothing.
     */
    @FunctionalInterface
    public interface TcpReply {
        void write(Message query, OutputStream out) throws IOException;
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Function<Message, List<byte[]>> udpReplies;
    private final TcpReply tcpReply;
    private final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A UDP query and where it came from. */
    private record Received(Message query, java.net.SocketAddress from) {}

    private RawDnsServer(Function<Message, List<byte[]>> udpReplies, TcpReply tcpReply)
            throws IOException {
        this.udpReplies = udpReplies;
        this.tcpReply = tcpReply;
        DnsPorts ports = DnsPorts.bindFree(InetAddress.getLoopbackAddress());
        udp = ports.udp();
        tcp = ports.tcp();
        daemon(this::serveUdp, "raw-dns-udp");
        daemon(this::serveTcp, "raw-dns-tcp");
    }

    /**
     * A server whose UDP answers come from {@code udpReplies} and whose TCP connections are served
     * by {@code tcpReply}.
     */
    public static RawDnsServer start(
            Function<Message, List<byte[]>> udpReplies, TcpReply tcpReply) {
        try {
            return new RawDnsServer(udpReplies, tcpReply);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the raw DNS server", e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void serveUdp() {
        byte[] buf = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                Message q = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                received.add(new Received(q, p.getSocketAddress()));
                for (byte[] reply : udpReplies.apply(q)) {
                    udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                // a closed socket ends the loop; a query that does not parse is not answered
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                daemon(() -> serveConnection(s), "raw-dns-tcp-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveConnection(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (true) {
                byte[] b = new byte[in.readUnsignedShort()];
                in.readFully(b);
                tcpReply.write(new Message(b), s.getOutputStream());
                s.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the client or the reply closed the connection
        }
    }

    /**
     * Answers every UDP query received so far for {@code name} again, as its replies would be now:
     * late answers.
     */
    public void answerAgain(org.xbill.DNS.Name name) throws IOException {
        for (Received r : received) {
            if (r.query().getQuestion().getName().equals(name)) {
                for (byte[] reply : udpReplies.apply(r.query())) {
                    udp.send(new DatagramPacket(reply, reply.length, r.from()));
                }
            }
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing
        }
    }
}
