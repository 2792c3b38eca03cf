/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class TcpFallbackTest {
    /** What the hostile server does with a query: answers to write, and how. */
    private interface Behaviour {
        void serve(Message query, OutputStream out) throws IOException, InterruptedException;
    }

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress serve(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t =
                new Thread(
                        () -> {
                            while (!server.isClosed()) {
                                try (Socket s = server.accept()) {
                                    connections.incrementAndGet();
                                    DataInputStream in = new DataInputStream(s.getInputStream());
                                    byte[] q = new byte[in.readUnsignedShort()];
                                    in.readFully(q);
                                    behaviour.serve(new Message(q), s.getOutputStream());
                                } catch (IOException | InterruptedException e) {
                                    // the client went away, or the test ended
                                }
                            }
                        });
        t.setDaemon(true);
        t.start();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private static Message query(int id) throws IOException {
        Message q =
                Message.newQuery(
                        Record.newRecord(Name.fromString("big.test."), Type.TXT, DClass.IN));
        q.getHeader().setID(id);
        return q;
    }

    private static byte[] framed(Message m) {
        byte[] wire = m.toWire();
        byte[] framed = new byte[wire.length + 2];
        framed[0] = (byte) (wire.length >>> 8);
        framed[1] = (byte) wire.length;
        System.arraycopy(wire, 0, framed, 2, wire.length);
        return framed;
    }

    private static Message answer(Message q, int id) {
        Message a = new Message(id);
        a.getHeader().setFlag(Flags.QR);
        a.addRecord(q.getQuestion(), Section.QUESTION);
        return a;
    }

    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    @Test
    void anAnswerWithAnotherIdIsReadPastToTheAnswerWithOurs() throws Exception {
        InetSocketAddress addr =
                serve(
                        (q, out) -> {
                            out.write(framed(answer(q, q.getHeader().getID() ^ 0x5555)));
                            out.write(framed(answer(q, q.getHeader().getID())));
                            out.flush();
                        });

        WireResponse m =
                new TcpFallback().query(addr, query(4242).toWire(), in(Duration.ofSeconds(5)));

        assertThat(m.id()).isEqualTo(4242);
    }

    @Test
    void aServerThatOnlyAnswersOtherIdsIsAFailureNotAHang() throws Exception {
        InetSocketAddress addr =
                serve(
                        (q, out) -> {
                            for (int i = 0; i < 100; i++) {
                                out.write(
                                        framed(
                                                answer(
                                                        q,
                                                        (q.getHeader().getID() + 1 + i) & 0xffff)));
                            }
                            out.flush();
                        });

        assertThatThrownBy(
                        () ->
                                new TcpFallback()
                                        .query(addr, query(7).toWire(), in(Duration.ofSeconds(5))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answers to other queries");
    }

    @Test
    void aServerThatDripsItsAnswerIsLeftAtTheDeadlineOfTheWholeExchange() throws Exception {
        InetSocketAddress addr =
                serve(
                        (q, out) -> {
                            byte[] f = framed(answer(q, q.getHeader().getID()));
                            for (byte b : f) {
                                out.write(b);
                                out.flush();
                                Thread.sleep(300); // each byte well within a per-read timeout
                            }
                        });

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () ->
                        assertThatThrownBy(
                                        () ->
                                                new TcpFallback()
                                                        .query(
                                                                addr,
                                                                query(9).toWire(),
                                                                in(Duration.ofSeconds(1))))
                                .isInstanceOf(SocketTimeoutException.class));
    }

    @Test
    void anExchangeWhoseDeadlinePassedWhileQueuedDoesNotConnect() throws Exception {
        InetSocketAddress addr =
                serve((q, out) -> out.write(framed(answer(q, q.getHeader().getID()))));

        assertThatThrownBy(
                        () ->
                                new TcpFallback()
                                        .query(addr, query(1).toWire(), System.nanoTime() - 1))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(connections.get()).isZero();
    }

    @Test
    void aConnectionClosedMidAnswerIsAFailure() throws Exception {
        InetSocketAddress addr =
                serve(
                        (q, out) -> {
                            byte[] f = framed(answer(q, q.getHeader().getID()));
                            out.write(f, 0, f.length - 3);
                            out.flush();
                        });

        assertThatThrownBy(
                        () ->
                                new TcpFallback()
                                        .query(addr, query(3).toWire(), in(Duration.ofSeconds(5))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed after");
    }
}
