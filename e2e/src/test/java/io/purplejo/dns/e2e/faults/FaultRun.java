/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.faults;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.PublisherOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.publisher.PublisherMain;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.JavaProcess;
import io.purplejo.dns.testing.MachineServices;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestCommandLine;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.worker.WorkerMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs of the real publisher and worker processes against this machine's PostgreSQL and RabbitMQ
 * and a test DNS server, for a test to inject faults into; {@link #finish} waits for the end and
 * recounts everything from the database and the queues.
 *
 * <p>Domain {@code f<i>.test} answers A {@code 10.<i>>16>.<(i>>8)&255>.<i&255>}, except every 25th,
 * which does not exist (NXDOMAIN): every domain has one known true outcome. Each answer is delayed,
 * and the publisher keeps at most a few messages queued, so that a run lasts long enough for faults
 * to land in its middle.
 */
final class FaultRun implements AutoCloseable {
    static final int DOMAINS = 3000;
    private static final int NXDOMAIN_EVERY = 25;

    final TestDatabase db;
    final TestBroker broker;
    final TestDnsServer dns;
    private final Path logs;
    private final int concurrency;
    private final int maxQueueDepth;
    private final Map<String, Process> processes = new LinkedHashMap<>();

    /**
     * The run of the fault tests: {@value #DOMAINS} domains, answers delayed 100 ms, 20 lookups per
     * worker.
     */
    FaultRun(Path logs) {
        this(logs, DOMAINS, 100, 20, 10);
    }

    FaultRun(Path logs, int domains, long answerDelayMillis, int concurrency, int maxQueueDepth) {
        this.logs = logs;
        this.concurrency = concurrency;
        this.maxQueueDepth = maxQueueDepth;
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT 'f' || g || '.test', now(), now()"
                        + " FROM generate_series(0, "
                        + (domains - 1)
                        + ") g");
        dns = TestDnsServer.start();
        if (answerDelayMillis > 0) {
            dns.delay(answerDelayMillis).behaveForAll(TestDnsServer.Behavior.DELAY);
        }
        for (int i = 0; i < domains; i++) {
            if (i % NXDOMAIN_EVERY != 0) {
                dns.add("f" + i + ".test. 300 IN A " + expectedAddress(i));
            }
        }
        broker = TestBroker.create();
    }

    static String expectedAddress(int i) {
        return "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
    }

    /**
     * Starts (or starts again) the publisher of run {@code run}, selecting every domain or those of
     * a file.
     */
    Process publisher(String id, String run, Path domainsFile) {
        List<String> args =
                new ArrayList<>(
                        TestCommandLine.publisher(db, broker)
                                .with(PublisherOptions.RUN_NAME, run)
                                .with(SharedOptions.RECORD_TYPES, "A")
                                .with(PublisherOptions.MESSAGE_SIZE, 20)
                                .with(PublisherOptions.MAX_QUEUE_DEPTH, maxQueueDepth)
                                .with(PublisherOptions.CONFIRM_WINDOW, 5)
                                .with(PublisherOptions.WORKER_COUNT, 0)
                                .args());
        if (domainsFile != null) {
            args.addAll(List.of("--domains-file", domainsFile.toString()));
        } else {
            args.addAll(List.of("--select", "all"));
        }
        return start(id, PublisherMain.class.getName(), args);
    }

    Process publisher(String id) {
        return publisher(id, "faults/run", null);
    }

    Process worker(String id) {
        return start(
                id,
                WorkerMain.class.getName(),
                TestCommandLine.worker(db, broker, dns.spec())
                        .with(WorkerOptions.DNS_TIMEOUT, 1.0)
                        .with(WorkerOptions.CONCURRENCY, concurrency)
                        .with(WorkerOptions.PREFETCH, Math.max(3, concurrency / 10))
                        .with(WorkerOptions.GRACE_PERIOD, 20)
                        .with(WorkerOptions.WORKER_ID, id)
                        .args());
    }

    private Process start(String id, String main, List<String> args) {
        Process p =
                JavaProcess.start(
                        main,
                        args,
                        ProcessBuilder.Redirect.appendTo(logs.resolve(id + ".log").toFile()),
                        "-Xmx256m");
        processes.put(id + "#" + processes.size(), p);
        return p;
    }

    /** Every process's log, for assertion messages. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path p : files.sorted().toList()) {
                sb.append("==== ")
                        .append(p.getFileName())
                        .append('\n')
                        .append(Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            sb.append("(logs unreadable: ").append(e).append(')');
        }
        return sb.toString();
    }

    /** Outcomes stored so far over all runs, or -1 while the database is down. */
    long outcomes() {
        try {
            return db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Domains whose messages the publisher has confirmed, or -1 while the database is down. */
    long published(String run) {
        try {
            return db.queryLong(
                    "SELECT coalesce(max(published), 0) FROM dnsx_runs WHERE name = '" + run + "'");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Waits until the outcomes reach {@code n}: the moment a test injects its fault. */
    void awaitOutcomes(long n) {
        await().atMost(Duration.ofMinutes(2)).until(() -> outcomes() >= n);
    }

    /** Stops this machine's RabbitMQ for {@code outage}, then starts it again. */
    static void rabbitMqOutage(Duration outage) {
        MachineServices.stopRabbitMq();
        try {
            hold(outage);
        } finally {
            MachineServices.startRabbitMq();
        }
    }

    /** Stops the run's DNS server (both ports) for {@code outage}, then serves again. */
    void dnsOutage(Duration outage) {
        dns.stop();
        try {
            hold(outage);
        } finally {
            dns.restart();
        }
    }

    /** Holds a fault for its stated length: the outage itself, not a wait for a condition. */
    private static void hold(Duration outage) {
        try {
            Thread.sleep(outage.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Messages ready in a queue (0 when it does not exist), through a connection of its own: the
     * test's may still be recovering from a broker outage.
     */
    long queued(String queue) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(TestBroker.URL);
            try (Connection c = f.newConnection("dnsx-fault-check")) {
                Channel ch = c.createChannel();
                try {
                    return ch.queueDeclarePassive(queue).getMessageCount();
                } catch (IOException e) {
                    if (e.getCause() instanceof ShutdownSignalException s
                            && s.getReason() instanceof AMQP.Channel.Close close
                            && close.getReplyCode() == 404) {
                        return 0;
                    }
                    throw e;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read queue " + queue, e);
        }
    }

    /**
     * Waits until the publisher of {@code run} ended and every one of {@code expected} domains has
     * an outcome in it, then stops the workers with SIGTERM (their drain) and recounts.
     */
    Recount finish(String run, Process publisher, long expected) {
        return finish(run, publisher, expected, Duration.ofMinutes(4));
    }

    Recount finish(String run, Process publisher, long expected, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !publisher.isAlive() && outcomesOf(run) >= expected);
        return recount(run);
    }

    void stopWorkers() {
        processes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("worker") && e.getValue().isAlive())
                .forEach(e -> e.getValue().destroy());
        for (Map.Entry<String, Process> e : processes.entrySet()) {
            if (e.getKey().startsWith("worker")) {
                try {
                    if (!e.getValue().waitFor(30, TimeUnit.SECONDS)) {
                        throw new AssertionError(
                                e.getKey() + " did not stop within 30 s of SIGTERM\n" + logs());
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    private long outcomesOf(String run) {
        try {
            return db.queryLong(
                    "SELECT count(*) FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id"
                            + " WHERE r.name = '"
                            + run
                            + "'");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Everything a user relies on after a run, counted from the database and the queues. */
    Recount recount(String run) {
        String ofRun =
                " FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id WHERE r.name = '"
                        + run
                        + "'";
        long selected =
                db.queryLong(
                        "SELECT coalesce(max(total), -1) FROM dnsx_runs WHERE name = '"
                                + run
                                + "'");
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> wrongOutcomes = new TreeMap<>();
        for (String row :
                db.queryStrings(
                        "SELECT d.name || ' ' || o.outcome"
                                + ofRun.replace(
                                        " WHERE",
                                        " JOIN domains d" + " ON d.id = o.domain_id WHERE"))) {
            String[] cells = row.split(" ");
            byOutcome.merge(cells[1], 1L, Long::sum);
            int i = Integer.parseInt(cells[0].substring(1, cells[0].indexOf('.')));
            String truth = i % NXDOMAIN_EVERY == 0 ? "nxdomain" : "resolved";
            if (!cells[1].equals(truth) && !cells[1].equals("timeout")) {
                wrongOutcomes.merge(cells[0] + "=" + cells[1], 1L, Long::sum);
            }
        }
        Map<String, Long> counters = new HashMap<>();
        for (String row :
                db.queryStrings(
                        "SELECT c.outcome || ' ' || sum(c.domains) FROM dnsx_run_counters c"
                                + " JOIN dnsx_runs r ON r.id = c.run_id WHERE r.name = '"
                                + run
                                + "' GROUP BY c.outcome")) {
            String[] cells = row.split(" ");
            if (Long.parseLong(cells[1]) != 0) {
                counters.put(cells[0], Long.parseLong(cells[1]));
            }
        }
        long wrongRecords = 0;
        for (String row :
                db.queryStrings(
                        "SELECT d.name || ' ' || a.ip_address FROM a_records a"
                                + " JOIN domains d ON d.id = a.domain_id")) {
            String[] cells = row.split(" ");
            int i = Integer.parseInt(cells[0].substring(1, cells[0].indexOf('.')));
            if (i % NXDOMAIN_EVERY == 0 || !cells[1].equals(expectedAddress(i))) {
                wrongRecords++;
            }
        }
        return new Recount(
                selected,
                db.queryLong("SELECT count(*)" + ofRun),
                db.queryLong("SELECT count(DISTINCT o.domain_id)" + ofRun),
                byOutcome,
                counters,
                db.queryLong(
                        "SELECT count(*) - count(DISTINCT (domain_id, ip_address)) FROM a_records"),
                wrongRecords,
                wrongOutcomes,
                db.queryStrings(
                        "SELECT d.name"
                                + ofRun.replace(
                                        " WHERE",
                                        " JOIN domains d" + " ON d.id = o.domain_id WHERE")
                                + " AND o.outcome = 'timeout' ORDER BY d.id"));
    }

    long deadLettered() {
        return queued(QueueNames.deadLetterQueue(broker.queue()));
    }

    /**
     * What a run left: {@code selected} domains in the run, outcome rows and distinct domains among
     * them, outcomes by kind, the run's counters by kind, duplicate record rows, records that are
     * not the true answer, outcomes that are neither the truth nor an honest timeout, and the names
     * that timed out.
     */
    record Recount(
            long selected,
            long outcomeRows,
            long distinctDomains,
            Map<String, Long> byOutcome,
            Map<String, Long> counters,
            long duplicateRows,
            long wrongRecords,
            Map<String, Long> wrongOutcomes,
            List<String> timedOut) {
        long missing() {
            return selected - distinctDomains;
        }

        boolean countersEqualRecount() {
            return counters.equals(byOutcome);
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
        dns.close();
        broker.close();
        db.close();
    }
}
