/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionSchedule;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleStatus;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.operator.OperatorMain;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.rules.phase.PhaseMachine;
import io.purplejo.dns.rules.status.Conditions;
import io.purplejo.dns.rules.status.RunConditions;
import io.purplejo.dns.rules.workload.RunNames;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.GitOpsTools;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's scenarios, run against fabric8's mock API server ({@link
 * DnsExtractionRunReconcilerTest}) and against the real kube-apiserver ({@link
 * DnsExtractionRunReconcilerOnApiServerTest}). Each test has a namespace of its own, and an
 * operator that watches only it.
 */
abstract class ReconcilerScenarios {
    static final int DOMAINS = 60;

    final String NS = "extraction-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    KubernetesClient client;

    /** The API server's client. */
    abstract KubernetesClient kubernetes();

    /** Installs the CRD where the API server does not have it yet. */
    abstract void installCrd() throws Exception;

    /**
     * Whether the API server validates against the schema (the real one does, the mock does not).
     */
    abstract boolean validatesSchema();

    TestDatabase db;
    TestDnsServer dns;
    TestBroker broker;
    RunBackends backends;
    Operator operator;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ClusterPlay play;

    /** The operator's clock: real time unless a scenario moves it on. */
    final ShiftedClock clock = new ShiftedClock();

    @BeforeEach
    void setUp() throws Exception {
        client = kubernetes();
        installCrd();
        client.namespaces()
                .resource(
                        new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                                .withNewMetadata()
                                .withName(NS)
                                .endMetadata()
                                .build())
                .create();
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT format('op%s.example', g), now(), now()"
                        + " FROM generate_series(1, "
                        + DOMAINS
                        + ") g");
        dns = TestDnsServer.start();
        for (int i = 1; i <= DOMAINS; i++) {
            dns.add("op" + i + ".example. 300 IN A 192.0.2." + i);
        }
        broker = TestBroker.create();
        secret("extraction-db", "dsn", db.dsnText());
        secret("extraction-mq", "url", TestBroker.URL);
        backends = new RunBackends();
        operator = startOperator(registry);
        play = new ClusterPlay(client, NS);
    }

    /** An operator that watches this test's namespace, as a new operator pod would start. */
    Operator startOperator(PrometheusMeterRegistry metrics) {
        return OperatorMain.start(
                client,
                new OperatorSettings(
                        Set.of(NS),
                        Duration.ofSeconds(1),
                        "worker:test",
                        "publisher:test",
                        0,
                        false,
                        null,
                        Duration.ofSeconds(1),
                        false),
                backends,
                metrics,
                clock);
    }

    @AfterEach
    void tearDown() {
        play.close();
        operator.stop();
        backends.close();
        broker.close();
        dns.close();
        db.close();
    }

    void secret(String name, String key, String value) {
        Secret s =
                new SecretBuilder()
                        .withMetadata(
                                new ObjectMetaBuilder().withName(name).withNamespace(NS).build())
                        .addToStringData(key, value)
                        .build();
        client.secrets().inNamespace(NS).resource(s).createOr(r -> r.update());
    }

    DnsExtractionRun create(String name, Consumer<DnsExtractionRunSpec> customize) {
        DnsExtractionRunSpec spec = new DnsExtractionRunSpec();
        spec.selection.mode = DomainSelection.Mode.All;
        spec.resolvers.servers = List.of(dns.spec());
        spec.resolvers.timeoutSeconds = 0.5;
        spec.workers.messagesPerWorker = 1;
        spec.workers.maxWorkers = 4;
        spec.workers.scaleDownStabilizationSeconds = 0;
        spec.postgresDsnSecret = new SecretKeyRef("extraction-db", "dsn");
        spec.rabbitmqUrlSecret = new SecretKeyRef("extraction-mq", "url");
        spec.queueName = broker.derivedQueue(name);
        customize.accept(spec);
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        run.setSpec(spec);
        return client.resource(run).create();
    }

    DnsExtractionRun get(String name) {
        return client.resources(DnsExtractionRun.class).inNamespace(NS).withName(name).get();
    }

    RunPhase phase(String name) {
        DnsExtractionRun r = get(name);
        return r == null || r.getStatus() == null ? null : r.getStatus().phase;
    }

    /** The run's current publisher Job, as its status names it. */
    Job job(String name) {
        DnsExtractionRun r = get(name);
        if (r == null
                || r.getStatus() == null
                || r.getStatus().publisher == null
                || r.getStatus().publisher.job == null) {
            return null;
        }
        return client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName(r.getStatus().publisher.job)
                .get();
    }

    String jobName(String name) {
        return job(name).getMetadata().getName();
    }

    /** Like kubectl edit: retried on a conflict with the operator's status writes. */
    void edit(String name, Consumer<DnsExtractionRun> change) {
        for (int attempt = 1; ; attempt++) {
            DnsExtractionRun run = get(name);
            change.accept(run);
            try {
                client.resource(run).update();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    List<Event> events(String name, String reason) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(
                        e ->
                                name.equals(e.getInvolvedObject().getName())
                                        && reason.equals(e.getReason()))
                .toList();
    }

    Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name + "-workers").get();
    }

    void suspend(String name, boolean suspend) {
        edit(name, r -> r.getSpec().suspend = suspend);
    }

    /**
     * The run's condition of this type; "Unknown" while the run has none yet (awaits retry on it).
     */
    static Condition condition(DnsExtractionRun run, String type) {
        if (run == null || run.getStatus() == null || run.getStatus().conditions == null) {
            return new io.fabric8.kubernetes.api.model.ConditionBuilder()
                    .withType(type)
                    .withStatus("Unknown")
                    .build();
        }
        return run.getStatus().conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseGet(
                        () ->
                                new io.fabric8.kubernetes.api.model.ConditionBuilder()
                                        .withType(type)
                                        .withStatus("Unknown")
                                        .build());
    }

    /**
     * What kstatus (Flux's health checks) and the chart's Argo CD health script make of the run
     * now, computed by their own code ({@link GitOpsTools}); skipped where it cannot be built here
     * unless the end-to-end level is required.
     */
    void assertGitOps(String name, String kstatus, String health) {
        if (!GitOpsTools.available()) {
            return;
        }
        GitOpsTools.Verdict v = GitOpsTools.judge(get(name));
        assertThat(v.kstatus()).as("kstatus of %s (%s)", name, v.message()).isEqualTo(kstatus);
        assertThat(v.health()).as("Argo CD health of %s (%s)", name, v.message()).isEqualTo(health);
    }

    List<String> eventReasons(String name) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .map(Event::getReason)
                .toList();
    }

    @Test
    void aRunGoesFromCreationToSucceededWithRealCountsAndScalesToZero() {
        create("complete", s -> {});

        await().atMost(Duration.ofSeconds(20)).until(() -> job("complete") != null);
        Job job = job("complete");
        assertThat(job.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("DnsExtractionRun"));
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop())
                .containsExactly("ALL");
        assertThat(job.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                .isTrue();
        assertThat(container.getEnv())
                .filteredOn(e -> e.getName().equals("POSTGRES_DSN"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getValue())
                                    .as("credentials are never copied into the pod spec")
                                    .isNull();
                            assertThat(e.getValueFrom().getSecretKeyRef().getName())
                                    .isEqualTo("extraction-db");
                        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase("complete") == RunPhase.Publishing);

        assertThat(play.runJob(jobName("complete"))).isZero();

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            play.syncDeployment(RunNames.workerDeployment(get("complete")));
                            return phase("complete") == RunPhase.Succeeded;
                        });
        DnsExtractionRun done = get("complete");
        assertThat(done.getStatus().total).isEqualTo(DOMAINS);
        assertThat(done.getStatus().published).isEqualTo(DOMAINS);
        assertThat(done.getStatus().extracted).isEqualTo(DOMAINS);
        assertThat(done.getStatus().failed).isZero();
        assertThat(done.getStatus().outcomes).containsEntry("resolved", (long) DOMAINS);
        assertThat(done.getStatus().completionTime).isNotNull();
        assertThat(done.getStatus().observedGeneration)
                .isEqualTo(done.getMetadata().getGeneration());
        assertThat(condition(done, "Complete").getStatus()).isEqualTo("True");
        assertThat(condition(done, "Failed").getStatus()).isEqualTo("False");
        assertThat(condition(done, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(done, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(done, "Reconciling").getStatus()).isEqualTo("False");
        assertThat(condition(done, "Stalled").getStatus()).isEqualTo("False");
        assertGitOps("complete", "Current", "Healthy");
        assertThat(condition(done, "Complete").getObservedGeneration())
                .isEqualTo(done.getMetadata().getGeneration());
        assertThat(done.getStatus().workers.desired).as("scaled to zero at completion").isZero();
        assertThat(deployment("complete").getSpec().getReplicas()).isZero();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(eventReasons("complete"))
                                        .contains(
                                                "PublisherCreated",
                                                "WorkersCreated",
                                                "PhaseSucceeded"));
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(DOMAINS);
        assertThat(registry.scrape())
                .contains(
                        "dnsx_run_extracted_domains{namespace=\""
                                + NS
                                + "\",run=\"complete\"} "
                                + DOMAINS
                                + ".0")
                .contains(
                        "dnsx_run_phase{namespace=\""
                                + NS
                                + "\",phase=\"Succeeded\",run=\"complete\"} 1.0")
                .contains("dnsx_run_queue_consumers{namespace=\"" + NS + "\",run=\"complete\"} NaN")
                .contains("operator_sdk_reconciliations");
    }

    @Test
    @SuppressWarnings("try") // the server only has to stay open while the requests are made
    void healthAndReadinessFollowTheOperatorsInformersAndMetricsAreServed() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (var health = OperatorMain.healthServer(operator, registry, port)) {
            var http = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, java.net.http.HttpResponse<String>> get =
                    path -> {
                        try {
                            return http.send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(
                                                            "http://127.0.0.1:" + port + path))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    };
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> get.apply("/readyz").statusCode() == 200);
            assertThat(get.apply("/healthz").statusCode()).isEqualTo(200);
            assertThat(get.apply("/metrics").body()).contains("operator_sdk");

            operator.stop();
            assertThat(get.apply("/readyz").statusCode())
                    .as("not ready once the informers stop")
                    .isEqualTo(503);
        }
    }

    @Test
    void aFailedPublisherJobFailsTheRun() {
        create("broken", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("broken") != null);

        play.finishJob(jobName("broken"), false);

        await().atMost(Duration.ofSeconds(20)).until(() -> phase("broken") == RunPhase.Failed);
        DnsExtractionRun run = get("broken");
        assertThat(condition(run, "Failed").getStatus()).isEqualTo("True");
        assertThat(condition(run, "Failed").getReason()).isEqualTo("PublisherFailed");
        assertThat(condition(run, "Complete").getStatus()).isEqualTo("False");
        // what kstatus reads as Failed: Flux's health check turns red
        assertThat(condition(run, "Stalled").getStatus()).isEqualTo("True");
        assertThat(condition(run, "Stalled").getReason()).isEqualTo("PublisherFailed");
        assertThat(condition(run, "Reconciling").getStatus()).isEqualTo("False");
        assertThat(condition(run, "Ready").getStatus()).isEqualTo("False");
        assertGitOps("broken", "Failed", "Degraded");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventReasons("broken")).contains("PhaseFailed"));
    }

    @Test
    void aRunWhoseResolversNeverAnswerFailsAndSaysWhyInsteadOfSucceeding() throws Exception {
        // a resolver that takes the queries and never answers
        try (java.net.DatagramSocket silent =
                new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            create(
                    "deaf",
                    s -> {
                        s.resolvers.servers = List.of("127.0.0.1:" + silent.getLocalPort());
                        s.resolvers.retries = 0;
                    });
            await().atMost(Duration.ofSeconds(20)).until(() -> job("deaf") != null);
            assertThat(play.runJob(jobName("deaf"))).isZero();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                play.syncDeployment(RunNames.workerDeployment(get("deaf")));
                                return phase("deaf") == RunPhase.Failed;
                            });
        }
        DnsExtractionRun run = get("deaf");
        assertThat(condition(run, "Failed").getStatus()).isEqualTo("True");
        assertThat(condition(run, "Failed").getReason()).isEqualTo("NothingExtracted");
        assertThat(condition(run, "Failed").getMessage())
                .contains("the resolvers never answered: all " + DOMAINS + " domains timed out");
        assertThat(condition(run, "Complete").getStatus()).isEqualTo("False");
        assertThat(run.getStatus().failed).isEqualTo((long) DOMAINS);
    }

    @Test
    void aRunWhoseLastDomainsWereDeadLetteredFailsOnceNothingMovesInsteadOfWaitingForItsDeadline() {
        // the database refuses one domain's record, as it would a value it cannot hold: the worker
        // dead-letters that domain, which then never gets an outcome
        db.execute(
                "CREATE FUNCTION refuse_op7() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.ip_address = '192.0.2.7' THEN RAISE EXCEPTION 'refused value'"
                        + " USING ERRCODE = '22023'; END IF; RETURN NEW; END $$");
        db.execute(
                "CREATE TRIGGER refuse_op7 BEFORE INSERT OR UPDATE ON a_records"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_op7()");
        create("lettered", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("lettered") != null);
        assertThat(play.runJob(jobName("lettered"))).isZero();

        await().atMost(PhaseMachine.DEAD_LETTER_STALL.plusSeconds(60))
                .until(
                        () -> {
                            play.syncDeployment(RunNames.workerDeployment(get("lettered")));
                            return phase("lettered") == RunPhase.Failed;
                        });
        DnsExtractionRun run = get("lettered");
        assertThat(condition(run, "Failed").getReason()).isEqualTo("DeadLettered");
        assertThat(condition(run, "Failed").getMessage())
                .contains("1 messages were dead-lettered")
                .contains("1 published domains have no outcome");
        assertThat(run.getStatus().extracted + run.getStatus().failed).isEqualTo(DOMAINS - 1L);
    }

    @Test
    void refusedCredentialsHoldTheRunWithAReasonThatSaysSo() {
        secret("no-db", "dsn", db.dsnText().replace(db.dsn().database(), "no_such_db"));
        secret("wrong-mq", "url", "amqp://guest:Hunter2secret@127.0.0.1:5672/%2F");
        create("refused-db", s -> s.postgresDsnSecret = new SecretKeyRef("no-db", "dsn"));
        create("refused-mq", s -> s.rabbitmqUrlSecret = new SecretKeyRef("wrong-mq", "url"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(condition(get("refused-db"), "Degraded").getReason())
                                    .isEqualTo("DatabaseRefused");
                            assertThat(condition(get("refused-mq"), "Degraded").getReason())
                                    .isEqualTo("BrokerRefused");
                        });
        assertThat(condition(get("refused-db"), "Degraded").getMessage())
                .contains("has no database 'no_such_db'");
        assertThat(condition(get("refused-mq"), "Degraded").getMessage())
                .contains("refused the credentials of user 'guest'")
                .doesNotContain("Hunter2");
        for (String name : List.of("refused-db", "refused-mq")) {
            assertThat(phase(name)).isEqualTo(RunPhase.Pending);
            assertThat(job(name)).as("no publisher is started on refused credentials").isNull();
        }
    }

    @Test
    void aMissingSecretHoldsTheRunWithADegradedConditionThatSaysWhatToFix() {
        create("nosecret", s -> s.postgresDsnSecret = new SecretKeyRef("not-there", "dsn"));

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            DnsExtractionRun r = get("nosecret");
                            return r.getStatus() != null
                                    && r.getStatus().conditions.stream()
                                            .anyMatch(c -> c.getType().equals("Degraded"));
                        });
        DnsExtractionRun run = get("nosecret");
        assertThat(run.getStatus().phase).isEqualTo(RunPhase.Pending);
        assertThat(condition(run, "Degraded").getStatus()).isEqualTo("True");
        assertThat(condition(run, "Degraded").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(run, "Stalled").getStatus())
                .as("a missing Secret needs a person: kstatus reads Failed, not InProgress forever")
                .isEqualTo("True");
        assertThat(condition(run, "Stalled").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(run, "Reconciling").getStatus()).isEqualTo("False");
        assertGitOps("nosecret", "Failed", "Degraded");
        assertThat(condition(run, "Degraded").getMessage())
                .contains(
                        "Secret not-there (spec.postgresDsnSecret) does not exist in namespace "
                                + NS);
        assertThat(job("nosecret")).isNull();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventReasons("nosecret")).contains("InvalidSpec"));

        secret("not-there", "dsn", db.dsnText());

        await().atMost(Duration.ofSeconds(20)).until(() -> job("nosecret") != null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "False".equals(condition(get("nosecret"), "Degraded").getStatus()));
    }

    @Test
    void suspendScalesWorkersToZeroAndSuspendsTheJobAndResumeContinues() {
        create("pausable", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("pausable") != null);

        suspend("pausable", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> phase("pausable") == RunPhase.Suspended);
        assertThat(job("pausable").getSpec().getSuspend()).isTrue();
        assertThat(get("pausable").getStatus().workers.desired).isZero();
        assertGitOps("pausable", "Current", "Suspended");

        suspend("pausable", false);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase("pausable") == RunPhase.Publishing);
        assertGitOps("pausable", "InProgress", "Progressing");
        assertThat(job("pausable").getSpec().getSuspend()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(eventReasons("pausable"))
                                        .contains("Suspended", "Resumed"));
    }

    @Test
    void
            workersScaleWithTheBacklogAtMostDoublingThenDownAndKeepTheirCountWhenTheQueueCannotBeRead() {
        create(
                "scaling",
                s -> {
                    s.workers.maxWorkers = 8;
                    s.workers.messagesPerWorker = 1;
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> job("scaling") != null);
        String queue = get("scaling").getSpec().queueName;
        // a backlog of 30 messages that nobody consumes (the Deployment is not played)
        for (int i = 0; i < 30; i++) {
            broker.publishRawTo(
                    queue,
                    ("op" + (i + 1) + ".example")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(40))
                .until(
                        () -> {
                            Deployment d = deployment("scaling");
                            if (d != null
                                    && (seen.isEmpty()
                                            || !seen.get(seen.size() - 1)
                                                    .equals(d.getSpec().getReplicas()))) {
                                seen.add(d.getSpec().getReplicas());
                            }
                            return d != null && d.getSpec().getReplicas() == 8;
                        });
        assertThat(seen)
                .as("1 -> 2 -> 4 -> 8, never more than doubling")
                .containsExactly(1, 2, 4, 8);
        // the event of a change is recorded just after the change itself
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                client
                                                        .v1()
                                                        .events()
                                                        .inNamespace(NS)
                                                        .list()
                                                        .getItems()
                                                        .stream()
                                                        .filter(
                                                                e ->
                                                                        "Scaled"
                                                                                        .equals(
                                                                                                e
                                                                                                        .getReason())
                                                                                && "scaling"
                                                                                        .equals(
                                                                                                e.getInvolvedObject()
                                                                                                        .getName()))
                                                        .map(Event::getMessage)
                                                        .toList())
                                        .anySatisfy(
                                                m ->
                                                        assertThat(m)
                                                                .startsWith(
                                                                        "workers 1 -> 2: backlog of"))
                                        .anySatisfy(m -> assertThat(m).startsWith("workers 2 -> 4"))
                                        .anySatisfy(
                                                m -> assertThat(m).startsWith("workers 4 -> 8")));

        broker.drain(queue);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deployment("scaling").getSpec().getReplicas() == 1);
        assertThat(get("scaling").getStatus().queueDepth).isZero();

        secret("extraction-mq", "url", "amqp://guest:guest@127.0.0.1:1/");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "True".equals(condition(get("scaling"), "Degraded").getStatus()));
        DnsExtractionRun run = get("scaling");
        assertThat(condition(run, "Degraded").getReason()).isEqualTo("QueueUnavailable");
        assertThat(condition(run, "Degraded").getMessage())
                .contains("cannot read the queue depth")
                .doesNotContain("guest:guest");
        assertThat(deployment("scaling").getSpec().getReplicas())
                .as("the count is kept")
                .isEqualTo(1);
    }

    @Test
    void deletingARunRemovesItsQueueAndObjectsAndKeepsTheRecords() throws Exception {
        create("doomed", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("doomed") != null);
        assertThat(play.runJob(jobName("doomed"))).isZero();
        String queue = get("doomed").getSpec().queueName;
        assertThat(broker.ready(queue)).isPositive();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                get("doomed").getMetadata().getFinalizers() != null
                                        && !get("doomed").getMetadata().getFinalizers().isEmpty());

        client.resource(get("doomed")).delete();

        await().atMost(Duration.ofSeconds(20)).until(() -> get("doomed") == null);
        assertThat(broker.ready(queue)).as("the queue is gone").isEqualTo(-1);
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems())
                .noneMatch(j -> j.getMetadata().getName().startsWith("doomed-"));
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_runs WHERE name = '" + NS + "/doomed'"))
                .isEqualTo(1);
    }

    @Test
    void afterItsTtlAFinishedRunLosesItsChildrenAndStaysAndAReApplyStartsNothing()
            throws Exception {
        create("expiring", s -> s.ttlSecondsAfterFinished = 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> job("expiring") != null);
        assertThat(play.runJob(jobName("expiring"))).isZero();
        String queue = get("expiring").getStatus().queue;
        assertThat(broker.ready(queue)).as("the run's queue exists").isNotNegative();
        playUntilSucceeded("expiring");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("expiring").getStatus().childrenRemovedTime != null);
        DnsExtractionRun expired = get("expiring");
        assertThat(expired.getStatus().phase).isEqualTo(RunPhase.Succeeded);
        assertThat(
                        client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(NS)
                                .withLabel(RunNames.RUN_UID_LABEL, RunNames.runUid(expired))
                                .list()
                                .getItems())
                .isEmpty();
        assertThat(deployment("expiring")).isNull();
        assertThat(broker.ready(queue)).as("the run's queue is removed").isEqualTo(-1);
        assertThat(eventReasons("expiring")).contains("Expired");

        // what a GitOps tool does: apply the same manifest again, and again
        for (int i = 0; i < 2; i++) {
            edit("expiring", r -> r.getSpec().ttlSecondsAfterFinished = 1);
        }
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .untilAsserted(
                        () -> {
                            DnsExtractionRun r = get("expiring");
                            assertThat(r.getMetadata().getUid())
                                    .isEqualTo(expired.getMetadata().getUid());
                            assertThat(r.getStatus().phase).isEqualTo(RunPhase.Succeeded);
                            assertThat(r.getStatus().publisher.attempts)
                                    .isEqualTo(expired.getStatus().publisher.attempts);
                            assertThat(deployment("expiring")).isNull();
                        });
    }

    @Test
    void aFinishedRunsOutcomesGoWhenItsRetentionEndsAndItsCountersAndStatusStay() throws Exception {
        create("retained", s -> s.outcomeRetentionDays = 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> job("retained") != null);
        assertThat(play.runJob(jobName("retained"))).isZero();
        playUntilSucceeded("retained");
        String uid = RunNames.runUid(get("retained"));
        long runId = db.queryLong("SELECT id FROM dnsx_runs WHERE resource_uid = '" + uid + "'");
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_domain_outcomes WHERE run_id = "
                                        + runId))
                .isEqualTo(DOMAINS);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        // the operator looks again when the retention is due; a sync of the spec wakes it now
        edit("retained", r -> r.getSpec().ttlSecondsAfterFinished = 3600);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("retained").getStatus().outcomesDroppedTime != null);
        assertThat(
                        db.queryStrings(
                                "SELECT to_regclass('dnsx_domain_outcomes_r" + runId + "')::text"))
                .as("the run's outcome partition is gone")
                .containsExactly((String) null);
        assertThat(
                        db.queryLong(
                                "SELECT sum(domains) FROM dnsx_run_counters WHERE run_id = "
                                        + runId))
                .as("its counters stay")
                .isEqualTo(DOMAINS);
        DnsExtractionRun run = get("retained");
        assertThat(run.getStatus().phase).isEqualTo(RunPhase.Succeeded);
        assertThat(run.getStatus().extracted).isEqualTo((long) DOMAINS);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(eventReasons("retained")).contains("OutcomesDropped"));
    }

    @Test
    void aFinishedRunIsDeletedAfterItsTtlWhenItsSpecAsks() {
        create(
                "shortlived",
                s -> {
                    s.ttlSecondsAfterFinished = 1;
                    s.deleteRunAfterTtl = true;
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> job("shortlived") != null);
        play.finishJob(jobName("shortlived"), false);

        await().atMost(Duration.ofSeconds(20)).until(() -> get("shortlived") == null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(eventReasons("shortlived"))
                                        .contains("PhaseFailed", "Expired"));
    }

    /** Plays the workers until the run is Succeeded. */
    void playUntilSucceeded(String name) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            play.syncDeployment(RunNames.workerDeployment(get(name)));
                            return phase(name) == RunPhase.Succeeded;
                        });
    }

    @Test
    void anUnreadableDatabaseAfterPublishingNeverCompletesTheRunAndKeepsItsWorkers() {
        create("blind", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("blind") != null);
        assertThat(play.runJob(jobName("blind"))).isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                phase("blind") == RunPhase.Resolving
                                        && deployment("blind") != null
                                        && deployment("blind").getSpec().getReplicas() >= 1);
        int workers = deployment("blind").getSpec().getReplicas();

        secret("extraction-db", "dsn", "postgresql://postgres@127.0.0.1:1/nothing");

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                "DatabaseUnavailable"
                                        .equals(condition(get("blind"), "Degraded").getReason()));
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(
                        () -> {
                            DnsExtractionRun r = get("blind");
                            return r.getStatus().phase == RunPhase.Resolving
                                    && "False".equals(condition(r, "Complete").getStatus())
                                    && deployment("blind").getSpec().getReplicas() == workers;
                        });
        assertThat(get("blind").getStatus().published)
                .as("the last known count is kept, not zero")
                .isEqualTo(DOMAINS);
        assertGitOps("blind", "InProgress", "Progressing");

        client.secrets().inNamespace(NS).withName("extraction-db").delete();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "InvalidSpec".equals(condition(get("blind"), "Degraded").getReason()));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                phase("blind") == RunPhase.Resolving
                                        && deployment("blind").getSpec().getReplicas() == workers);

        secret("extraction-db", "dsn", db.dsnText());
        playUntilSucceeded("blind");
        assertThat(get("blind").getStatus().extracted).isEqualTo(DOMAINS);
        assertThat(condition(get("blind"), "Degraded").getStatus()).isEqualTo("False");
    }

    @Test
    void aDeletedPublisherJobStartsANewAttemptThatResumesAndTheRunSucceeds() {
        create("lostjob", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> phase("lostjob") == RunPhase.Publishing);
        String first = jobName("lostjob");

        client.batch().v1().jobs().inNamespace(NS).withName(first).delete();

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                get("lostjob").getStatus().publisher.attempts == 2
                                        && job("lostjob") != null);
        assertThat(jobName("lostjob")).isEqualTo("lostjob-publisher-2").isNotEqualTo(first);
        assertThat(phase("lostjob")).isEqualTo(RunPhase.Publishing);
        assertThat(eventReasons("lostjob")).doesNotContain("IllegalTransition");

        assertThat(play.runJob(jobName("lostjob"))).isZero();
        playUntilSucceeded("lostjob");
        assertThat(get("lostjob").getStatus().published).isEqualTo(DOMAINS);
        assertThat(get("lostjob").getStatus().extracted).isEqualTo(DOMAINS);
    }

    @Test
    void aRunCreatedAgainUnderTheSameNameIsANewRunWithItsOwnCounts() {
        create("again", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("again") != null);
        assertThat(play.runJob(jobName("again"))).isZero();
        playUntilSucceeded("again");
        String firstUid = get("again").getMetadata().getUid();
        client.resource(get("again")).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("again") == null);

        create("again", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("again") != null);
        assertThat(play.runJob(jobName("again"))).isZero();
        playUntilSucceeded("again");

        DnsExtractionRun second = get("again");
        assertThat(second.getMetadata().getUid()).isNotEqualTo(firstUid);
        assertThat(second.getStatus().published).isEqualTo(DOMAINS);
        assertThat(second.getStatus().extracted).isEqualTo(DOMAINS);
        assertThat(
                        db.queryLong(
                                "SELECT count(DISTINCT resource_uid) FROM dnsx_runs WHERE name = '"
                                        + NS
                                        + "/again'"))
                .as("two runs in the database, one per resource instance")
                .isEqualTo(2);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id"
                                        + " WHERE r.resource_uid = '"
                                        + second.getMetadata().getUid()
                                        + "'"))
                .isEqualTo(DOMAINS);
    }

    @Test
    void aFailedRunIsRetriedInPlaceBySpecRetryAndResumes() {
        create("retried", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("retried") != null);
        play.finishJob(jobName("retried"), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> phase("retried") == RunPhase.Failed);
        assertThat(condition(get("retried"), "Failed").getMessage()).contains("spec.retry");

        edit("retried", r -> r.getSpec().retry = "1");

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                phase("retried") == RunPhase.Publishing
                                        && get("retried").getStatus().publisher.attempts == 2
                                        && job("retried") != null);
        DnsExtractionRun run = get("retried");
        assertThat(run.getStatus().handledRetry).isEqualTo("1");
        assertThat(condition(run, "Failed").getStatus()).isEqualTo("False");
        assertThat(run.getStatus().completionTime).isNull();
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("retried-publisher-1").get())
                .as("the failed attempt's Job is removed")
                .isNull();

        assertThat(play.runJob(jobName("retried"))).isZero();
        playUntilSucceeded("retried");
        assertThat(get("retried").getStatus().extracted).isEqualTo(DOMAINS);
    }

    @Test
    void aQueueAnotherLiveRunUsesIsRefusedAndDeletingTheRefusedRunLeavesIt() {
        String queue = broker.derivedQueue("shared");
        create("owner", s -> s.queueName = queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> job("owner") != null);
        assertThat(play.runJob(jobName("owner"))).isZero();
        long ready = broker.ready(queue);
        assertThat(ready).isPositive();

        create("intruder", s -> s.queueName = queue);

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                "QueueInUse"
                                        .equals(
                                                condition(get("intruder"), "Degraded")
                                                        .getReason()));
        DnsExtractionRun intruder = get("intruder");
        assertThat(intruder.getStatus().phase).isEqualTo(RunPhase.Pending);
        assertThat(condition(intruder, "Degraded").getMessage())
                .contains("is used by run " + NS + "/owner");
        assertThat(intruder.getStatus().publisher).as("no Job").isNull();
        assertThat(intruder.getStatus().queue).isNull();

        client.resource(intruder).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("intruder") == null);
        assertThat(broker.ready(queue)).as("the owner's queue and messages stay").isEqualTo(ready);

        client.resource(get("owner")).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("owner") == null);
        assertThat(broker.ready(queue)).as("the owner deletes its queue").isEqualTo(-1);
    }

    @Test
    void
            deletionWhileRabbitMqIsUnreachableRetriesWithOneDeduplicatedWarningAndFinishesWhenItIsBack() {
        create("stuck", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("stuck") != null);
        assertThat(play.runJob(jobName("stuck"))).isZero();
        String queue = get("stuck").getSpec().queueName;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queue.equals(get("stuck").getStatus().queue));
        secret("extraction-mq", "url", "amqp://guest:guest@127.0.0.1:1/");

        client.resource(get("stuck")).delete();

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                events("stuck", "QueueNotDeleted").stream()
                                        .anyMatch(e -> e.getCount() >= 2));
        assertThat(events("stuck", "QueueNotDeleted"))
                .as("one Event, its count growing")
                .hasSize(1);
        assertThat(events("stuck", "QueueNotDeleted").get(0).getMessage())
                .contains(DnsExtractionRun.KEEP_QUEUE_ANNOTATION)
                .doesNotContain("guest:guest");
        assertThat(get("stuck")).as("the finalizer holds the run").isNotNull();
        assertThat(broker.ready(queue)).isPositive();

        secret("extraction-mq", "url", TestBroker.URL);

        await().atMost(Duration.ofSeconds(30)).until(() -> get("stuck") == null);
        assertThat(broker.ready(queue)).isEqualTo(-1);
    }

    @Test
    void theKeepQueueAnnotationLeavesTheQueueOnDeletion() {
        create("keeper", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("keeper") != null);
        assertThat(play.runJob(jobName("keeper"))).isZero();
        String queue = get("keeper").getSpec().queueName;
        edit(
                "keeper",
                r ->
                        r.getMetadata()
                                .setAnnotations(
                                        Map.of(DnsExtractionRun.KEEP_QUEUE_ANNOTATION, "true")));

        client.resource(get("keeper")).delete();

        await().atMost(Duration.ofSeconds(20)).until(() -> get("keeper") == null);
        assertThat(broker.ready(queue)).isPositive();
        assertThat(eventReasons("keeper")).contains("QueueKept");
    }

    @Test
    void editsOfWorkerFieldsMidRunRollTheWorkersAndAreObserved() {
        create("rolling", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("rolling") != null);
        assertThat(play.runJob(jobName("rolling"))).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> deployment("rolling") != null);

        edit(
                "rolling",
                r -> {
                    r.getSpec().workers.concurrency = 123;
                    r.getSpec().resolvers.retries = 4;
                });

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                env(deployment("rolling")).containsKey("CONCURRENCY")
                                        && env(deployment("rolling"))
                                                .get("CONCURRENCY")
                                                .equals("123"));
        assertThat(env(deployment("rolling"))).containsEntry("DNS_RETRIES", "4");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            DnsExtractionRun r = get("rolling");
                            assertThat(r.getStatus().observedGeneration)
                                    .isEqualTo(r.getMetadata().getGeneration());
                            assertThat(eventReasons("rolling")).contains("WorkersRolled");
                        });
    }

    @Test
    void anOperatorRestartMidPublishLeavesTheJobAndTheWorkersAsTheyAre() {
        create("restart", s -> {});
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                phase("restart") == RunPhase.Publishing
                                        && deployment("restart") != null);
        String jobUid = job("restart").getMetadata().getUid();
        Deployment before = deployment("restart");

        operator.stop();
        PrometheusMeterRegistry restarted = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        operator = startOperator(restarted);

        // the new operator has reconciled the run once it reports the run's gauges
        await().atMost(Duration.ofSeconds(20))
                .until(() -> restarted.scrape().contains("run=\"restart\""));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            assertThat(job("restart").getMetadata().getUid()).isEqualTo(jobUid);
                            Deployment after = deployment("restart");
                            assertThat(after.getMetadata().getGeneration())
                                    .isEqualTo(before.getMetadata().getGeneration());
                            assertThat(after.getMetadata().getAnnotations())
                                    .isEqualTo(before.getMetadata().getAnnotations());
                        });
        assertThat(eventReasons("restart")).doesNotContain("WorkersRolled", "PublisherReplaced");
        assertThat(get("restart").getStatus().publisher.attempts).isEqualTo(1);
        assertThat(play.runJob(jobName("restart"))).isZero();
        playUntilSucceeded("restart");
    }

    @Test
    void aPublisherTemplateEditMidPublishReplacesTheAttemptWhichResumes() {
        create("republish", s -> {});
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase("republish") == RunPhase.Publishing);

        edit("republish", r -> r.getSpec().images.publisher = "publisher:other");

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                job("republish") != null
                                        && "publisher:other"
                                                .equals(
                                                        job("republish")
                                                                .getSpec()
                                                                .getTemplate()
                                                                .getSpec()
                                                                .getContainers()
                                                                .get(0)
                                                                .getImage()));
        assertThat(get("republish").getStatus().publisher.attempts).isEqualTo(2);
        assertThat(eventReasons("republish")).contains("PublisherReplaced");
        assertThat(play.runJob(jobName("republish"))).isZero();
        playUntilSucceeded("republish");
    }

    @Test
    void aResourceWithoutASpecIsRefusedOrReportedAndCanBeDeleted() {
        DnsExtractionRun bare = new DnsExtractionRun();
        bare.setMetadata(new ObjectMetaBuilder().withName("bare").withNamespace(NS).build());
        if (validatesSchema()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.resource(bare).create())
                    .hasMessageContaining("spec: Required value");
            return;
        }
        client.resource(bare).create();

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            DnsExtractionRun r = get("bare");
                            return r.getStatus() != null
                                    && r.getStatus().conditions.stream()
                                            .anyMatch(c -> c.getType().equals("Degraded"));
                        });
        assertThat(condition(get("bare"), "Degraded").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(get("bare"), "Degraded").getMessage()).contains("has no spec");

        client.resource(get("bare")).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("bare") == null);
    }

    @Test
    void theConditionsOfAFinishedRunFollowItsGeneration() {
        create("finished", s -> {});
        await().atMost(Duration.ofSeconds(20)).until(() -> job("finished") != null);
        play.finishJob(jobName("finished"), false);
        await().atMost(Duration.ofSeconds(20)).until(() -> phase("finished") == RunPhase.Failed);
        long before = get("finished").getMetadata().getGeneration();
        String failedSince = condition(get("finished"), "Failed").getLastTransitionTime();

        edit("finished", r -> r.getSpec().ttlSecondsAfterFinished = 3600);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            DnsExtractionRun r = get("finished");
                            assertThat(r.getMetadata().getGeneration()).isGreaterThan(before);
                            assertThat(r.getStatus().observedGeneration)
                                    .isEqualTo(r.getMetadata().getGeneration());
                            assertThat(r.getStatus().conditions)
                                    .allSatisfy(
                                            c ->
                                                    assertThat(c.getObservedGeneration())
                                                            .isEqualTo(
                                                                    r.getMetadata()
                                                                            .getGeneration()));
                        });
        assertThat(condition(get("finished"), "Failed").getLastTransitionTime())
                .isEqualTo(failedSince);
        assertThat(phase("finished")).isEqualTo(RunPhase.Failed);
    }

    static Map<String, String> env(Deployment d) {
        Map<String, String> env = new java.util.HashMap<>();
        d.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    // ------------------------------------------------------------------------------ schedules

    /** A schedule firing every minute, whose runs start suspended (they stay active). */
    DnsExtractionSchedule schedule(String name, Consumer<DnsExtractionScheduleSpec> customize) {
        DnsExtractionScheduleSpec spec = new DnsExtractionScheduleSpec();
        spec.schedule = "* * * * *";
        DnsExtractionRunSpec run = new DnsExtractionRunSpec();
        run.selection.mode = DomainSelection.Mode.All;
        run.resolvers.servers = List.of(dns.spec());
        run.postgresDsnSecret = new SecretKeyRef("extraction-db", "dsn");
        run.rabbitmqUrlSecret = new SecretKeyRef("extraction-mq", "url");
        run.suspend = true;
        spec.runTemplate.spec = run;
        spec.runTemplate.labels = Map.of("team", "dns");
        customize.accept(spec);
        DnsExtractionSchedule s = new DnsExtractionSchedule();
        s.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        s.setSpec(spec);
        return client.resource(s).create();
    }

    /** The runs of a schedule, by name. */
    List<String> runsOf(String schedule) {
        return client
                .resources(DnsExtractionRun.class)
                .inNamespace(NS)
                .withLabel(DnsExtractionSchedule.SCHEDULE_LABEL, schedule)
                .list()
                .getItems()
                .stream()
                .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
                .map(r -> r.getMetadata().getName())
                .sorted()
                .toList();
    }

    DnsExtractionScheduleStatus scheduleStatus(String name) {
        DnsExtractionSchedule s =
                client.resources(DnsExtractionSchedule.class).inNamespace(NS).withName(name).get();
        return s == null || s.getStatus() == null
                ? new DnsExtractionScheduleStatus()
                : s.getStatus();
    }

    /** The time the operator's next minute starts, and the clock moved on to it. */
    Instant nextMinute() {
        Instant slot = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        clock.advance(Duration.between(clock.instant(), slot).plusSeconds(1));
        return slot;
    }

    @Test
    void aScheduleStartsOneRunPerTimeNamedAfterItAndKeepsOnlyItsHistory() {
        DnsExtractionSchedule s =
                schedule(
                        "nightly",
                        spec -> {
                            spec.concurrencyPolicy =
                                    DnsExtractionScheduleSpec.ConcurrencyPolicy.Allow;
                            spec.failedRunsHistoryLimit = 1;
                            // each run fails at once: suspended past its deadline
                            spec.runTemplate.spec.activeDeadlineSeconds = 1L;
                        });
        Instant first = nextMinute();
        String firstRun = "nightly-" + first.getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(30)).until(() -> runsOf("nightly").contains(firstRun));
        DnsExtractionRun run = get(firstRun);
        assertThat(run.getMetadata().getLabels()).containsEntry("team", "dns");
        assertThat(run.getMetadata().getAnnotations())
                .containsEntry(DnsExtractionSchedule.SCHEDULED_TIME_ANNOTATION, first.toString());
        assertThat(run.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(s.getMetadata().getUid()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> first.toString().equals(scheduleStatus("nightly").lastScheduleTime));

        Instant second = nextMinute();
        String secondRun = "nightly-" + second.getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            assertThat(phase(secondRun)).isEqualTo(RunPhase.Failed);
                            assertThat(runsOf("nightly"))
                                    .as("one failed run kept (failedRunsHistoryLimit 1)")
                                    .containsExactly(secondRun);
                        });
        DnsExtractionScheduleStatus status = scheduleStatus("nightly");
        assertThat(status.lastScheduleTime).isEqualTo(second.toString());
        assertThat(status.lastSuccessfulTime).isNull();
        assertThat(Conditions.isTrue(status.conditions, RunConditions.READY)).isTrue();
        assertThat(status.conditions)
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(1L));
    }

    @Test
    void forbidSkipsATimeWhileTheRunBeforeGoesOnAndReplaceReplacesIt() {
        schedule("forbid", spec -> {});
        schedule(
                "replace",
                spec ->
                        spec.concurrencyPolicy =
                                DnsExtractionScheduleSpec.ConcurrencyPolicy.Replace);
        Instant first = nextMinute();
        String forbidFirst = "forbid-" + first.getEpochSecond() / 60;
        String replaceFirst = "replace-" + first.getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                runsOf("forbid").equals(List.of(forbidFirst))
                                        && runsOf("replace").equals(List.of(replaceFirst)));

        Instant second = nextMinute();
        String replaceSecond = "replace-" + second.getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            assertThat(scheduleStatus("forbid").message)
                                    .contains("still going (concurrencyPolicy Forbid)");
                            assertThat(runsOf("replace")).containsExactly(replaceSecond);
                        });
        assertThat(runsOf("forbid")).containsExactly(forbidFirst);
        assertThat(scheduleStatus("forbid").active).containsExactly(forbidFirst);
    }

    @Test
    void aSuspendedScheduleStartsNothing() {
        schedule("held", spec -> spec.suspend = true);
        nextMinute();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "suspended: no run is started".equals(scheduleStatus("held").message));
        nextMinute();
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> scheduleStatus("held").observedGeneration != null);
        assertThat(runsOf("held")).isEmpty();
        assertThat(scheduleStatus("held").nextScheduleTime).isNull();
    }

    @Test
    void aScheduleIsCurrentForKstatusAndAnUnreadableOneIsStalledAndFailed() {
        schedule("valid", spec -> {});
        schedule("unreadable", spec -> spec.schedule = "0 25 * * *");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            DnsExtractionScheduleStatus bad = scheduleStatus("unreadable");
                            assertThat(Conditions.isTrue(bad.conditions, RunConditions.STALLED))
                                    .isTrue();
                            assertThat(Conditions.reason(bad.conditions, RunConditions.STALLED))
                                    .isEqualTo("InvalidSchedule");
                            assertThat(bad.message).contains("schedule '0 25 * * *'");
                            assertThat(
                                            Conditions.isTrue(
                                                    scheduleStatus("valid").conditions,
                                                    RunConditions.READY))
                                    .isTrue();
                        });
        if (GitOpsTools.available()) {
            assertThat(GitOpsTools.judge(scheduleObject("valid")).kstatus()).isEqualTo("Current");
            assertThat(GitOpsTools.judge(scheduleObject("unreadable")).kstatus())
                    .isEqualTo("Failed");
        }
        nextMinute();
        assertThat(runsOf("unreadable")).isEmpty();
    }

    DnsExtractionSchedule scheduleObject(String name) {
        return client.resources(DnsExtractionSchedule.class).inNamespace(NS).withName(name).get();
    }
}
