/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.purplejo.dns.api.v1alpha1.DnsExtractionSchedule;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.operator.reconciler.DnsExtractionRunReconciler;
import io.purplejo.dns.operator.schedule.DnsExtractionScheduleReconciler;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.operator.status.ReconcileErrors;
import io.purplejo.dns.operator.status.RunGauges;
import io.purplejo.dns.rules.backend.RunBackends;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** Entry point of {@code dns-operator.jar}: starts the controller for {@code DnsExtractionRun}. */
public final class OperatorMain {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions declared = OperatorSettings.declare();
        OperatorSettings settings;
        try {
            ParsedOptions o = declared.parse(Arrays.asList(args), System.getenv());
            if (o.requestedText() != null) {
                System.out.print(o.requestedText());
                return;
            }
            settings = OperatorSettings.from(o);
        } catch (InvalidConfigurationException e) {
            System.err.println("dns-operator: " + e.getMessage());
            System.exit(ExitCodes.CONFIGURATION);
            return;
        }
        KubernetesClient client = new KubernetesClientBuilder().build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunBackends backends = new RunBackends();
        Operator operator = start(client, settings, backends, registry, Clock.systemUTC());
        operator.installShutdownHook(Duration.ofSeconds(30));
        if (settings.metricsPort() > 0) {
            healthServer(operator, registry, settings.metricsPort());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(backends::close));
    }

    /**
     * Serves /metrics (JOSDK's and the runs' gauges), /healthz and /readyz (both fail when an
     * informer is unhealthy).
     */
    public static HealthServer healthServer(
            Operator operator, PrometheusMeterRegistry registry, int port) {
        var runtime = operator.getRuntimeInfo();
        return new HealthServer(
                port,
                registry::scrape,
                runtime::allEventSourcesAreHealthy,
                () -> runtime.isStarted() && runtime.allEventSourcesAreHealthy());
    }

    /** Builds, registers and starts the operator (the tests call this with a mock API server). */
    public static Operator start(
            KubernetesClient client,
            OperatorSettings settings,
            RunBackends backends,
            PrometheusMeterRegistry registry,
            Clock clock) {
        return start(
                client,
                settings,
                backends,
                registry,
                clock,
                leaderElection(settings, Duration.ofSeconds(15), true));
    }

    /**
     * The lease configuration: renewal within two thirds of the lease, retries every fifth; a
     * replica that loses the lease exits (when {@code exitOnStopLeading}) so that Kubernetes
     * restarts it as a standby.
     */
    public static LeaderElectionConfiguration leaderElection(
            OperatorSettings settings, Duration lease, boolean exitOnStopLeading) {
        return new LeaderElectionConfiguration(
                "dns-operator-lease",
                settings.leaseNamespace(),
                lease,
                lease.multipliedBy(2).dividedBy(3),
                lease.dividedBy(5),
                null,
                null,
                exitOnStopLeading);
    }

    public static Operator start(
            KubernetesClient client,
            OperatorSettings settings,
            RunBackends backends,
            PrometheusMeterRegistry registry,
            Clock clock,
            LeaderElectionConfiguration lease) {
        Operator operator =
                new Operator(
                        o -> {
                            o.withKubernetesClient(client)
                                    .withCloseClientOnStop(false)
                                    // status and finalizers are written with plain updates:
                                    // server-side apply is not
                                    // available everywhere (test API servers), and the same code
                                    // must run in both
                                    .withUseSSAToPatchPrimaryResource(false)
                                    .withMetrics(
                                            settings.perResourceMetrics()
                                                    ? MicrometerMetrics
                                                            .newPerResourceCollectingMicrometerMetricsBuilder(
                                                                    registry)
                                                            .build()
                                                    : MicrometerMetrics.withoutPerResourceMetrics(
                                                            registry));
                            if (settings.leaderElection()) {
                                o.withLeaderElectionConfiguration(lease);
                            }
                        });
        operator.register(
                new DnsExtractionRunReconciler(
                        settings,
                        backends,
                        new RunGauges(registry),
                        new ReconcileErrors(registry),
                        clock),
                c -> {
                    if (settings.namespaces().isEmpty()) {
                        c.watchingAllNamespaces();
                    } else {
                        c.settingNamespaces(settings.namespaces());
                    }
                    c.withReconciliationMaxInterval(settings.reconcileInterval().multipliedBy(6));
                });
        if (schedulesServed(client, settings)) {
            operator.register(
                    new DnsExtractionScheduleReconciler(clock, settings.reconcileInterval()),
                    c -> {
                        if (settings.namespaces().isEmpty()) {
                            c.watchingAllNamespaces();
                        } else {
                            c.settingNamespaces(settings.namespaces());
                        }
                    });
        }
        operator.start();
        return operator;
    }

    /**
     * Whether the API server serves DnsExtractionSchedules: an upgrade whose CRD was not applied
     * yet (Helm never upgrades crds/) runs the runs and says what is missing, rather than failing.
     */
    static boolean schedulesServed(KubernetesClient client, OperatorSettings settings) {
        try {
            var schedules = client.resources(DnsExtractionSchedule.class);
            ListOptions one = new ListOptionsBuilder().withLimit(1L).build();
            if (settings.namespaces().isEmpty()) {
                schedules.inAnyNamespace().list(one);
            } else {
                schedules.inNamespace(settings.namespaces().iterator().next()).list(one);
            }
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == java.net.HttpURLConnection.HTTP_NOT_FOUND) {
                LOG.warn(
                        "the API server does not serve dnsextractionschedules.dns.purplejo.io:"
                                + " schedules are not watched; apply crds/ (kubectl apply"
                                + " --server-side -f charts/dns-extraction-operator/crds/) and"
                                + " restart the operator");
                return false;
            }
            if (e.getCode() == java.net.HttpURLConnection.HTTP_FORBIDDEN) {
                LOG.warn(
                        "the operator may not list dnsextractionschedules.dns.purplejo.io:"
                                + " schedules are not watched; grant the chart's rules (RBAC)"
                                + " and restart the operator");
                return false;
            }
            throw e;
        }
    }
}
