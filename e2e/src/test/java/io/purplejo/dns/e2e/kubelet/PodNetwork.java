/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.purplejo.dns.e2e.Podman;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of its own for each pod, joined to the host by a veth pair: the pod has one
 * address (10.213.x.y/32), and the host one address for every pod to reach it by (10.213.0.1, on
 * the loopback device), where PostgreSQL, RabbitMQ and the API server listen. There is no bridge,
 * no NAT and no route beyond the host: pods reach the host's services and nothing else.
 */
final class PodNetwork {
    /** The address pods reach the host's services at. */
    static final String HOST_IP = "10.213.0.1";

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final String NAMESPACE_PREFIX = "dnsx-pod-";

    /** One pod's namespace, host-side device and address. */
    record Attachment(String namespace, String hostDevice, String podIp) {
        String netnsPath() {
            return "/run/netns/" + namespace;
        }
    }

    private PodNetwork() {}

    /**
     * Puts the host's address on the loopback device once, and removes the pod networks a runner
     * killed before it could remove them left behind (their names would be taken: no pod of this
     * runner could start); idempotent.
     */
    static void prepareHost() throws IOException {
        if (!run("ip", "-o", "addr", "show", "dev", "lo").contains(HOST_IP + "/32")) {
            run("ip", "addr", "add", HOST_IP + "/32", "dev", "lo");
        }
        for (String line : run("ip", "netns", "list").split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(NAMESPACE_PREFIX)) {
                detach(new Attachment(name, null, null));
            }
        }
    }

    static Attachment attach() throws IOException {
        int n = NEXT.getAndIncrement();
        String ns = NAMESPACE_PREFIX + n;
        String host = "dnsxh" + n;
        String ip = "10.213." + (1 + n / 250) + "." + (2 + n % 250);
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", ns);
        run("ip", "link", "set", host, "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "addr", "add", ip + "/32", "dev", "eth0");
        run("ip", "-n", ns, "route", "add", HOST_IP, "dev", "eth0");
        run("ip", "route", "add", ip + "/32", "dev", host);
        return new Attachment(ns, host, ip);
    }

    /**
     * Removes the namespace; its end of the veth pair, and so the pair and the route, go with it.
     */
    static void detach(Attachment a) {
        try {
            run("ip", "netns", "del", a.namespace());
        } catch (IOException e) {
            // already gone
        }
    }

    static String run(String... cmd) throws IOException {
        Podman.Result r = Podman.exec(List.of(cmd), Duration.ofSeconds(30));
        if (r.code() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + r.output().strip());
        }
        return r.output();
    }
}
