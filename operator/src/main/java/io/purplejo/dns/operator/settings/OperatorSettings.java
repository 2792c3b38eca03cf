/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.settings;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.health.HealthServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
 * @param perResourceMetrics whether JOSDK's metrics carry a series per run (off by default: JOSDK's
 *     docs warn that it multiplies cardinality; the operator's own per-run gauges are always there)
 */
public record OperatorSettings(
        Set<String> namespaces,
        Duration reconcileInterval,
        String workerImage,
        String publisherImage,
        int metricsPort,
        boolean leaderElection,
        String leaseNamespace,
        Duration scaleUpPeriod,
        boolean perResourceMetrics) {

    public static final Option<List<String>> WATCH_NAMESPACES =
            Option.list(
                    "watch-namespaces",
                    "WATCH_NAMESPACES",
                    null,
                    "namespaces to watch; none for all");
    public static final Option<Integer> RECONCILE_INTERVAL =
            Option.integer(
                    "reconcile-interval",
                    "RECONCILE_INTERVAL_SECONDS",
                    10,
                    1,
                    3600,
                    "seconds between observations of a run");
    public static final Option<String> WORKER_IMAGE =
            Option.text(
                    "worker-image",
                    "WORKER_IMAGE",
                    "ghcr.io/purplejo/dns-worker:0.1.0",
                    "default worker image");
    public static final Option<String> PUBLISHER_IMAGE =
            Option.text(
                    "publisher-image",
                    "PUBLISHER_IMAGE",
                    "ghcr.io/purplejo/dns-publisher:0.1.0",
                    "default publisher image");
    public static final Option<Integer> METRICS_PORT =
            Option.integer(
                    "metrics-port",
                    "METRICS_PORT",
                    HealthServer.OPERATOR_PORT,
                    0,
                    65_535,
                    "port of /metrics, /healthz, /readyz; 0 for none");
    public static final Option<Boolean> LEADER_ELECTION =
            Option.flag(
                    "leader-election", "LEADER_ELECTION", false, "elect a leader among replicas");
    public static final Option<String> LEASE_NAMESPACE =
            Option.text(
                    "lease-namespace",
                    "LEASE_NAMESPACE",
                    null,
                    "namespace of the leader-election lease");
    public static final Option<Integer> SCALE_UP_PERIOD =
            Option.integer(
                    "scale-up-period",
                    "SCALE_UP_PERIOD_SECONDS",
                    15,
                    0,
                    3600,
                    "least seconds between two scale-ups");

    public static final Option<Boolean> PER_RESOURCE_METRICS =
            Option.flag(
                    "per-resource-metrics",
                    "PER_RESOURCE_METRICS",
                    false,
                    "JOSDK's reconciliation metrics per run as well (many series with many runs)");

    public static CommandLineOptions declare() {
        return new CommandLineOptions("dns-operator.jar")
                .add(
                        WATCH_NAMESPACES,
                        RECONCILE_INTERVAL,
                        WORKER_IMAGE,
                        PUBLISHER_IMAGE,
                        METRICS_PORT,
                        LEADER_ELECTION,
                        LEASE_NAMESPACE,
                        SCALE_UP_PERIOD,
                        PER_RESOURCE_METRICS);
    }

    public static OperatorSettings from(ParsedOptions o) {
        List<String> ns = o.get(WATCH_NAMESPACES);
        return new OperatorSettings(
                ns == null ? Set.of() : Set.copyOf(ns),
                Duration.ofSeconds(o.get(RECONCILE_INTERVAL)),
                o.required(WORKER_IMAGE),
                o.required(PUBLISHER_IMAGE),
                o.get(METRICS_PORT),
                o.get(LEADER_ELECTION),
                o.get(LEASE_NAMESPACE),
                Duration.ofSeconds(o.get(SCALE_UP_PERIOD)),
                o.get(PER_RESOURCE_METRICS));
    }
}
