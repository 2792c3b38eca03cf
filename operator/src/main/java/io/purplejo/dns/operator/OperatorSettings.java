/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ParsedOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's configuration, from flags or environment variables (the Helm chart sets the
 * latter).
 *
 * @param namespaces namespaces to watch; empty for all
 * @param reconcileInterval how often a run is observed even without events (database and queue have
 *     none)
 * @param workerImage default worker image
 * @param publisherImage default publisher image
 * @param metricsPort port of /metrics, /healthz and /readyz; 0 for none
 * @param leaderElection whether replicas elect a leader (needed with more than one replica)
 * @param leaseNamespace namespace of the leader-election lease
 * @param scaleUpPeriod least time between two scale-ups of a run's workers
 */
public record OperatorSettings(
        Set<String> namespaces,
        Duration reconcileInterval,
        String workerImage,
        String publisherImage,
        int metricsPort,
        boolean leaderElection,
        String leaseNamespace,
        Duration scaleUpPeriod) {

    public static CommandLineOptions declare() {
        return new CommandLineOptions("dns-operator.jar")
                .value(
                        "watch-namespaces",
                        "WATCH_NAMESPACES",
                        "",
                        "comma-separated namespaces; empty for all")
                .value(
                        "reconcile-interval",
                        "RECONCILE_INTERVAL_SECONDS",
                        "10",
                        "seconds between observations of a run")
                .value(
                        "worker-image",
                        "WORKER_IMAGE",
                        "ghcr.io/purplejo/dns-worker:0.1.0",
                        "default worker image")
                .value(
                        "publisher-image",
                        "PUBLISHER_IMAGE",
                        "ghcr.io/purplejo/dns-publisher:0.1.0",
                        "default publisher image")
                .value(
                        "metrics-port",
                        "METRICS_PORT",
                        "8080",
                        "port of /metrics, /healthz, /readyz; 0 for none")
                .flag("leader-election", "LEADER_ELECTION", false, "elect a leader among replicas")
                .value(
                        "lease-namespace",
                        "LEASE_NAMESPACE",
                        null,
                        "namespace of the leader-election lease")
                .value(
                        "scale-up-period",
                        "SCALE_UP_PERIOD_SECONDS",
                        "15",
                        "least seconds between two scale-ups");
    }

    public static OperatorSettings from(ParsedOptions o) {
        Set<String> ns =
                Arrays.stream(o.string("watch-namespaces").split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new OperatorSettings(
                ns,
                Duration.ofSeconds(o.integer("reconcile-interval", 1, 3600)),
                o.required("worker-image"),
                o.required("publisher-image"),
                o.integer("metrics-port", 0, 65535),
                o.flag("leader-election"),
                o.string("lease-namespace"),
                Duration.ofSeconds(o.integer("scale-up-period", 0, 3600)));
    }
}
