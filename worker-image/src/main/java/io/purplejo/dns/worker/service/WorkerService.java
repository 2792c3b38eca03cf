/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.health.HealthServer;
import io.purplejo.dns.resolve.DnsClient;
import io.purplejo.dns.resolve.DomainResolver;
import io.purplejo.dns.resolve.InFlightLimiter;
import io.purplejo.dns.retry.Backoff;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.worker.amqp.Delivery;
import io.purplejo.dns.worker.amqp.QueueConnector;
import io.purplejo.dns.worker.amqp.QueueSession;
import io.purplejo.dns.worker.metrics.WorkerMetrics;
import io.purplejo.dns.worker.store.RecordWriter;
import io.purplejo.dns.worker.store.RunCounters;
import io.purplejo.dns.worker.store.RunRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue worker: consumes messages, resolves their domains with thousands of queries in flight,
 * writes them in batches and acknowledges each message once all its domains are committed.
 *
 * <p>Threads: the AMQP client's dispatch thread only enqueues deliveries; the feeder thread decodes
 * them and starts resolutions ({@link MessageFeeder}, blocking when {@code concurrency} domains are
 * in flight); the DNS loop thread resolves; the batch writer commits ({@link BatchWriter}); the
 * supervisor reconnects to RabbitMQ with backoff and logs progress ({@link ProgressLog}). A stop
 * ({@code __STOP__} or SIGTERM) cancels consumption, gives back what was not started, lets what was
 * started finish and commit within the grace period, and closes.
 */
public final class WorkerService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerService.class);

    /**
     * Connections beyond the batch writers': the run registry's lookups and the schema check, with
     * room for both at once.
     */
    private static final int OTHER_DATABASE_CONNECTIONS = 2;

    /** How long a database still starting is waited for before the worker exits with 3. */
    private static final Duration DATABASE_WAIT_AT_START = Duration.ofSeconds(60);

    /**
     * A broker back after an outage is used within seconds: a worker idle for longer costs a whole
     * pod.
     */
    static final Duration RECONNECT_CAP = Duration.ofSeconds(5);

    private final WorkerSettings settings;
    private final WorkerMetrics metrics = new WorkerMetrics();
    private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String stopReason;
    private volatile Delivery stopMessage;
    private volatile boolean stopping;
    private volatile QueueSession session;

    private Database database;
    private DnsClient dns;
    private DomainResolver resolver;
    private InFlightLimiter limiter;
    private BatchWriter batchWriter;
    private RunRegistry runs;
    private QueueConnector connector;
    private HealthServer health;
    private Thread feeder;
    private Thread writerThread;
    private Thread supervisor;

    /** Set when RabbitMQ refused the connection: the worker stops and says so. */
    private volatile InvalidConfigurationException configurationFailure;

    public WorkerService(WorkerSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects to PostgreSQL (migrating the schema) and starts every thread; RabbitMQ is connected
     * in the background.
     */
    public void start() {
        LOG.info(
                "worker {} starting: queue {}, PostgreSQL {}, RabbitMQ {}, resolvers {}, concurrency {}, prefetch {}",
                settings.workerId(),
                settings.queue(),
                settings.postgres(),
                settings.rabbitmq(),
                settings.resolver().resolvers(),
                settings.concurrency(),
                settings.prefetch());
        database =
                Database.open(
                        settings.postgres(),
                        settings.batchWriters() + OTHER_DATABASE_CONNECTIONS,
                        "dns-worker-" + settings.workerId());
        database.awaitReachable(DATABASE_WAIT_AT_START);
        new SchemaMigrator(database.dataSource()).migrate();
        runs = new RunRegistry(database.dataSource());
        limiter = new InFlightLimiter(settings.concurrency());
        dns = new DnsClient(settings.resolver());
        resolver = new DomainResolver(dns);
        // each writer adds to its own counter shard: two commits never queue on one counter row
        int shard = RunCounters.counterShardOf(settings.workerId());
        List<RecordWriter> writers = new ArrayList<>();
        for (int i = 0; i < settings.batchWriters(); i++) {
            writers.add(
                    new RecordWriter(
                            database.dataSource(), (shard + i) % RunCounters.COUNTER_SHARDS));
        }
        batchWriter = new BatchWriter(writers, limiter, metrics, settings);
        metrics.bind(dns, limiter::inFlight);
        connector =
                new QueueConnector(
                        settings.rabbitmq(),
                        settings.queue(),
                        settings.prefetch(),
                        "dns-worker-" + settings.workerId());
        if (settings.metricsPort() > 0) {
            health =
                    new HealthServer(
                            settings.metricsPort(), metrics::scrape, this::healthy, this::ready);
        }
        writerThread = start("batch-writer", batchWriter);
        feeder =
                start(
                        "feeder",
                        new MessageFeeder(
                                deliveries,
                                () -> stopping,
                                this::onStopMessage,
                                settings,
                                metrics,
                                runs,
                                limiter,
                                resolver,
                                batchWriter));
        supervisor = start("supervisor", this::supervise);
    }

    /** A {@code __STOP__} message: stop consuming and drain; it is acknowledged once drained. */
    private void onStopMessage(Delivery d) {
        stopMessage = d;
        requestStop("__STOP__ message");
        stopping = true;
        QueueSession s = session;
        if (s != null) {
            s.cancel();
        }
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks the worker to drain and stop (SIGTERM, or the legacy stop message). */
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
            LOG.info("stop requested ({}): draining", reason);
        }
        stopRequested.countDown();
    }

    /** Blocks until a stop is requested, drains within the grace period and closes everything. */
    public void runUntilStopped() throws InterruptedException {
        stopRequested.await();
        shutdown();
        if (configurationFailure != null) {
            throw configurationFailure;
        }
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int metricsPort() {
        return health == null ? 0 : health.port();
    }

    /**
     * Alive: the DNS loop, the feeder and the batch writer run (while draining, the writer may have
     * ended).
     */
    private boolean healthy() {
        if (stopping) {
            return true;
        }
        return dns.isRunning()
                && feeder.isAlive()
                && writerThread.isAlive()
                && supervisor.isAlive();
    }

    /** Whether the worker is consuming with a healthy database, as /readyz reports it. */
    boolean ready() {
        QueueSession s = session;
        return !stopping && s != null && s.isOpen() && batchWriter.databaseHealthy();
    }

    // ----------------------------------------------------------------------------------------
    // supervising

    private void supervise() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), RECONNECT_CAP);
        ProgressLog progress =
                new ProgressLog(
                        metrics,
                        dns.statistics(),
                        limiter::inFlight,
                        () -> {
                            QueueSession current = session;
                            return current == null ? -1 : current.queueDepth();
                        },
                        System.nanoTime());
        while (stopped.getCount() > 0 && !stopping) {
            QueueSession s = session;
            if (s == null || !s.isOpen()) {
                if (s != null) {
                    s.close();
                    LOG.warn(
                            "RabbitMQ connection lost; unacknowledged messages will be redelivered");
                }
                try {
                    QueueSession fresh = connector.open();
                    session = fresh;
                    fresh.consume(deliveries::add);
                    LOG.info("consuming {} on {}", settings.queue(), connector.uri());
                    backoff.reset();
                } catch (InvalidConfigurationException e) {
                    // refused credentials or virtual host: no wait cures it
                    LOG.error("{}", e.getMessage());
                    configurationFailure = e;
                    requestStop("RabbitMQ refused the connection");
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.warn(
                            "cannot connect to RabbitMQ at {} ({}); retrying in about {} ms",
                            connector.uri(),
                            e.getMessage() != null ? e.getMessage() : e.toString(),
                            backoff.nominal().toMillis());
                    sleep(backoff.nextWait().toMillis());
                    continue;
                }
            }
            progress.logIfDue(System.nanoTime());
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------
    // stopping

    private void shutdown() throws InterruptedException {
        long deadline = System.nanoTime() + settings.gracePeriod().toNanos();
        // keep a few seconds of the grace period for committing and closing
        long drainUntil =
                deadline
                        - Math.min(
                                settings.gracePeriod().toNanos() / 3,
                                Duration.ofSeconds(5).toNanos());
        stopping = true;
        QueueSession s = session;
        if (s != null) {
            s.cancel();
        }
        Delivery pending;
        while ((pending = deliveries.poll()) != null) {
            pending.requeue();
        }
        batchWriter.stop(drainUntil);
        writerThread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        boolean drained = !writerThread.isAlive();
        if (drained && stopMessage != null) {
            stopMessage.ack();
        }
        if (!drained) {
            LOG.warn(
                    "grace period over with {} domains in flight; their messages go back to the queue",
                    limiter.inFlight());
            writerThread.interrupt();
        }
        feeder.interrupt();
        if (session != null) {
            session.close(); // unacknowledged deliveries return to the queue
        }
        dns.close();
        if (health != null) {
            health.close();
        }
        database.close();
        LOG.info(
                "worker {} stopped ({}): {} domains stored",
                settings.workerId(),
                stopReason,
                metrics.domainsDone.sum());
        stopped.countDown();
    }
}
