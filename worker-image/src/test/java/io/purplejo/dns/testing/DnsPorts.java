/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A UDP socket and a TCP listener on the same free port, as a DNS server needs: the UDP port is
 * taken first, and taken again while its TCP twin is in use.
 */
record DnsPorts(DatagramSocket udp, ServerSocket tcp) {
    private static final int ATTEMPTS = 20;
    private static final int TCP_BACKLOG = 50;

    /** Binds both on a free port of {@code address}. */
    static DnsPorts bindFree(InetAddress address) throws IOException {
        for (int attempt = 1; ; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0));
            try {
                return new DnsPorts(
                        udp, new ServerSocket(udp.getLocalPort(), TCP_BACKLOG, address));
            } catch (IOException e) {
                udp.close();
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Binds both on {@code port} of {@code address} again (after a stop). */
    static DnsPorts bind(InetAddress address, int port) throws IOException {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
        try {
            return new DnsPorts(udp, new ServerSocket(port, TCP_BACKLOG, address));
        } catch (IOException e) {
            udp.close();
            throw e;
        }
    }

    int port() {
        return udp.getLocalPort();
    }
}
