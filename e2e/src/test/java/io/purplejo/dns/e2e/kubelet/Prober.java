/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness and liveness probes as the kubelet runs them (HTTP GET, TCP socket, exec), with their
 * delays, periods and failure thresholds; a container that fails its liveness probe is stopped, and
 * the runner restarts it per the pod's restart policy.
 */
final class Prober {
    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Runs the container's probes that are due. */
    void probe(RunningPod rp, RunningContainer c) {
        Probe readiness = c.spec.getReadinessProbe();
        Probe liveness = c.spec.getLivenessProbe();
        if (readiness == null) {
            c.ready = true;
        }
        Instant now = Instant.now();
        long running = Duration.between(Instant.parse(c.startedAt), now).toSeconds();
        // readiness: every second until ready (tests need not wait a whole period), then at its
        // period
        if (readiness != null
                && running >= delay(readiness)
                && Duration.between(c.lastProbe, now)
                                .compareTo(c.ready ? period(readiness) : Duration.ofSeconds(1))
                        >= 0) {
            c.lastProbe = now;
            boolean ok = check(rp, c, readiness);
            c.readyFailures = ok ? 0 : c.readyFailures + 1;
            c.ready = ok || (c.ready && c.readyFailures < threshold(readiness));
        }
        // liveness: at its own period only, as the kubelet does, so a slow start is not a failure
        if (liveness != null
                && running >= delay(liveness)
                && Duration.between(c.lastLiveProbe, now).compareTo(period(liveness)) >= 0) {
            c.lastLiveProbe = now;
            boolean ok = check(rp, c, liveness);
            c.liveFailures = ok ? 0 : c.liveFailures + 1;
            if (c.liveFailures >= threshold(liveness)) {
                LOG.info(
                        "container {} failed its liveness probe {} times: restarting",
                        c.podmanName,
                        threshold(liveness));
                c.liveFailures = 0;
                ContainerRuntime.podman("stop", "-t", String.valueOf(grace(rp.pod)), c.podmanName);
            }
        }
    }

    private static Duration period(Probe p) {
        return Duration.ofSeconds(p.getPeriodSeconds() == null ? 10 : p.getPeriodSeconds());
    }

    private static int delay(Probe p) {
        return p.getInitialDelaySeconds() == null ? 0 : p.getInitialDelaySeconds();
    }

    private static int threshold(Probe p) {
        return p.getFailureThreshold() == null ? 3 : p.getFailureThreshold();
    }

    private boolean check(RunningPod rp, RunningContainer c, Probe p) {
        int timeout = p.getTimeoutSeconds() == null ? 1 : p.getTimeoutSeconds();
        try {
            if (p.getHttpGet() != null) {
                int port = port(c.spec, p.getHttpGet().getPort());
                String path = p.getHttpGet().getPath() == null ? "/" : p.getHttpGet().getPath();
                HttpResponse<Void> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://"
                                                                + rp.net.podIp()
                                                                + ":"
                                                                + port
                                                                + path))
                                        .timeout(Duration.ofSeconds(timeout))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                return r.statusCode() >= 200 && r.statusCode() < 400;
            }
            if (p.getTcpSocket() != null) {
                try (Socket s = new Socket()) {
                    s.connect(
                            new InetSocketAddress(
                                    rp.net.podIp(), port(c.spec, p.getTcpSocket().getPort())),
                            timeout * 1000);
                    return true;
                }
            }
            if (p.getExec() != null) {
                List<String> cmd = new ArrayList<>(List.of("podman", "exec", c.podmanName));
                cmd.addAll(p.getExec().getCommand());
                return ContainerRuntime.exec(cmd) != null;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static int port(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
            if (port.getStrVal().equals(p.getName())) {
                return p.getContainerPort();
            }
        }
        throw new IllegalArgumentException("no port named " + port.getStrVal());
    }

    static long grace(Pod pod) {
        Long g = pod.getSpec().getTerminationGracePeriodSeconds();
        return g == null ? 30 : g;
    }
}
