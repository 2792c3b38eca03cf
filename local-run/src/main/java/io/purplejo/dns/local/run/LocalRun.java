/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.PublisherOptions;
import io.purplejo.dns.config.SharedOptions;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.local.backend.Backends;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.backend.QueueReading;
import io.purplejo.dns.rules.backend.RunBackends;
import io.purplejo.dns.rules.phase.PhaseDecision;
import io.purplejo.dns.rules.phase.PhaseInput;
import io.purplejo.dns.rules.phase.PhaseMachine;
import io.purplejo.dns.rules.phase.PhaseReason;
import io.purplejo.dns.rules.phase.PublisherState;
import io.purplejo.dns.rules.status.RateWindow;
import io.purplejo.dns.rules.workload.RunEnvironment;
import io.purplejo.dns.rules.workload.RunNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on one machine, driven as the operator drives it on a cluster: the publisher and the
 * workers run with the settings the operator would give their Job and Deployment ({@link
 * RunEnvironment}), and the phase comes from the operator's {@link PhaseMachine} on the same facts
 * (the run's counters, the queue depth, the publisher's end), so that a run is reported Succeeded
 * here exactly when it would be there. Observe, decide, show, until the phase is final or the user
 * interrupts.
 */
public final class LocalRun {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

    /** The span the shown rate is averaged over. */
    private static final Duration RATE_WINDOW = Duration.ofSeconds(30);

    /**
     * How the run is executed here.
     *
     * @param workers queue workers in this process
     * @param resolvers resolvers that replace the spec's (null: the spec's, else the system's)
     * @param poll how often progress is read
     */
    /**
     * How the run is executed here.
     *
     * @param domainsFile the list given with {@code --domains}: the run selects among these names
     *     only (null: the run's selection over the whole table)
     */
    public record Options(int workers, String resolvers, Duration poll, Path domainsFile) {}

    private final DnsExtractionRun run;
    private final Backends backends;
    private final Options options;
    private final ProgressView view;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile String stopReason;

    public LocalRun(
            DnsExtractionRun run,
            Backends backends,
            Options options,
            ProgressView view,
            Clock clock) {
        this.run = run;
        this.backends = backends;
        this.options = options;
        this.view = view;
        this.clock = clock;
    }

    /**
     * Asks the run to stop (Ctrl-C): workers drain what they hold, nothing is lost, the run is left
     * unfinished.
     */
    public void requestStop(String reason) {
        stopReason = reason;
        stopRequested.countDown();
    }

    /** The publisher's settings: the run's, plus where the database and broker are. */
    Map<String, String> publisherEnv() {
        Map<String, String> env = new LinkedHashMap<>(RunEnvironment.publisher(run));
        env.putAll(credentials());
        if (options.domainsFile() != null) {
            // what the user asked for: the listed names, not what earlier runs left in the table
            env.put(
                    PublisherOptions.DOMAINS_FILE.envVar(),
                    options.domainsFile().toAbsolutePath().toString());
            env.put(PublisherOptions.SELECT_WITHIN_LIST.envVar(), "true");
        }
        return env;
    }

    /**
     * A worker's settings: the run's, plus credentials, no metrics port (N workers share this
     * process).
     */
    Map<String, String> workerEnv() {
        Map<String, String> env = new LinkedHashMap<>(RunEnvironment.worker(run));
        env.putAll(credentials());
        env.put(WorkerOptions.METRICS_PORT.envVar(), "0");
        if (options.resolvers() != null) {
            env.put(WorkerOptions.RESOLVERS.envVar(), options.resolvers());
        }
        return env;
    }

    private Map<String, String> credentials() {
        return Map.of(
                SharedOptions.POSTGRES_DSN.envVar(),
                backends.dsnText(),
                SharedOptions.RABBITMQ_URL.envVar(),
                backends.urlText());
    }

    /** What was read in one pass, all at once: the run's counters, the queue and the publisher. */
    private record Facts(
            Instant at,
            RunProgress progress,
            long ready,
            long deadLettered,
            PublisherState publisher) {}

    /**
     * How the run ended: the decision it ended on, what to say when it is not the decision's
     * message, the code.
     */
    private record Ending(PhaseDecision decision, String message, int exitCode) {
        /** The decision as the status shows it: with this ending's message. */
        PhaseDecision shown() {
            return message == null
                    ? decision
                    : new PhaseDecision(decision.phase(), decision.reason(), message);
        }
    }

    public RunReport execute() throws InterruptedException {
        Instant started = clock.instant();
        String queue = RunNames.queue(run);
        PublisherThread publisher = new PublisherThread(publisherEnv());
        WorkerPool workers = new WorkerPool(workerEnv(), options.workers());
        Facts facts;
        Ending ending;
        LOG.info(
                "run {} (uid {}): queue {}, {} workers",
                RunNames.runKey(run),
                RunNames.runUid(run),
                queue,
                workers.size());
        try (RunBackends readers = new RunBackends()) {
            backends.prepareQueue(queue);
            publisher.start();
            workers.start();
            Watched watched = watch(readers, publisher, workers, queue, started);
            ending = watched.ending();
            facts = watched.facts();
            workers.stop(
                    ending.decision().phase().finished() ? "the run finished" : "stopping",
                    Duration.ofSeconds(RunEnvironment.DRAIN_SECONDS + 5));
            boolean publishedBefore = publisher.state() == PublisherState.SUCCEEDED;
            publisher.stop();
            // the last word, after the workers stored what they held: an interrupted run whose last
            // domains were stored by the drain is complete, on the same facts as any other
            Facts last = observe(readers, publisher, queue);
            if (!ending.decision().phase().finished() && publishedBefore) {
                PhaseDecision now = decide(ending.decision(), last, started, null, false);
                if (now.phase() == RunPhase.Succeeded) {
                    ending = new Ending(now, null, ExitCodes.OK);
                }
            }
            // counters that cannot be read now keep their last known values in the status
            facts =
                    new Facts(
                            last.at(),
                            last.progress() != null ? last.progress() : facts.progress(),
                            last.ready() >= 0 ? last.ready() : facts.ready(),
                            last.deadLettered(),
                            last.publisher());
            removeQueue(readers, queue);
        } finally {
            view.close();
        }
        boolean finished = ending.decision().phase().finished();
        DnsExtractionRunStatus status =
                EndOfRunStatus.project(
                        run,
                        EndOfRunStatus.facts(
                                run,
                                ending.shown(),
                                facts.progress(),
                                facts.ready(),
                                queue,
                                finished ? 0 : workers.size()),
                        started,
                        clock.instant());
        return new RunReport(status, ending.exitCode());
    }

    /** Where the watch loop stopped: how the run ended and the last facts it read. */
    private record Watched(Ending ending, Facts facts) {}

    /**
     * Observes and decides every poll until the run ends or a stop is asked for, showing each
     * reading.
     */
    private Watched watch(
            RunBackends readers,
            PublisherThread publisher,
            WorkerPool workers,
            String queue,
            Instant started)
            throws InterruptedException {
        RateWindow rate = new RateWindow(RATE_WINDOW);
        PhaseDecision decision =
                new PhaseDecision(RunPhase.Pending, PhaseReason.STARTING, "starting the publisher");
        Facts facts = new Facts(started, null, -1, -1, PublisherState.NONE);
        Ending ending;
        Instant lastMove = started;
        while (true) {
            Facts previous = facts;
            facts = observe(readers, publisher, queue);
            if (facts.progress() != null) {
                rate.add(facts.at(), facts.progress().done());
                if (previous.progress() == null
                        || previous.progress().done() != facts.progress().done()) {
                    lastMove = facts.at();
                }
            }
            decision = decide(decision, facts, started, lastMove, workers.running() == 0);
            view.show(reading(decision, facts, rate, Duration.between(started, facts.at())));
            ending = ending(decision, facts, publisher, workers);
            if (ending != null) {
                return new Watched(ending, facts);
            }
            if (stopRequested.await(options.poll().toMillis(), TimeUnit.MILLISECONDS)) {
                ending =
                        new Ending(
                                decision,
                                "interrupted ("
                                        + stopReason
                                        + "): the run did not finish; domains"
                                        + " without an outcome are selected again by the next run of a NeverExtracted selection",
                                ExitCodes.INTERRUPTED);
                return new Watched(ending, facts);
            }
        }
    }

    /**
     * Reads the facts at once; what cannot be read is null (progress) or -1 (queue): unknown, never
     * zero.
     */
    private Facts observe(RunBackends readers, PublisherThread publisher, String queue) {
        RunProgress progress = readProgress(readers);
        QueueReading.Known q = readQueue(readers, queue);
        return new Facts(
                clock.instant(),
                progress,
                q == null ? -1 : q.ready(),
                q == null ? -1 : q.deadLettered(),
                publisher.state());
    }

    /**
     * The operator's phase machine, on the facts of this process instead of a Job's and a
     * Deployment's.
     */
    private PhaseDecision decide(
            PhaseDecision current,
            Facts facts,
            Instant started,
            Instant lastMove,
            boolean workersStopped) {
        boolean deadlineExceeded =
                run.getSpec().activeDeadlineSeconds != null
                        && Duration.between(started, facts.at()).toSeconds()
                                > run.getSpec().activeDeadlineSeconds;
        PhaseDecision next =
                PhaseMachine.next(
                        new PhaseInput(
                                current.phase(),
                                null,
                                true,
                                false,
                                false,
                                facts.publisher(),
                                facts.progress(),
                                facts.ready(),
                                deadlineExceeded,
                                facts.deadLettered(),
                                lastMove == null ? null : Duration.between(lastMove, facts.at()),
                                workersStopped));
        if (!PhaseMachine.allowed(current.phase(), next.phase())) {
            throw new IllegalStateException(
                    "the phase machine computed "
                            + current.phase()
                            + " -> "
                            + next.phase()
                            + ", a move it does not allow; this is a bug");
        }
        return next;
    }

    /**
     * Whether the run ended: a final phase, or a state in which it can never finish. Null while it
     * goes on.
     */
    private static Ending ending(
            PhaseDecision decision, Facts facts, PublisherThread publisher, WorkerPool workers) {
        if (decision.phase() == RunPhase.Succeeded) {
            return new Ending(decision, null, ExitCodes.OK);
        }
        if (decision.phase() == RunPhase.Failed) {
            if (facts.publisher() == PublisherState.FAILED) {
                Integer code = publisher.exitCode();
                return new Ending(
                        decision,
                        "the publisher failed: " + publisher.failure(),
                        code == null ? ExitCodes.OTHER : code);
            }
            if (decision.reason() == PhaseReason.WORKERS_STOPPED) {
                return new Ending(
                        decision,
                        decision.message() + ": " + String.join("; ", workers.failures()),
                        ExitCodes.OTHER);
            }
            return new Ending(decision, null, ExitCodes.OTHER);
        }
        return null;
    }

    private ProgressView.Reading reading(
            PhaseDecision d, Facts facts, RateWindow rate, Duration elapsed) {
        RunProgress p = facts.progress();
        Double r = d.phase().finished() ? null : rate.rate();
        Long total = p == null ? null : p.total();
        Duration eta = r == null || total == null ? null : rate.eta(Math.max(0, total - p.done()));
        return new ProgressView.Reading(
                d.phase(),
                d.reasonText(),
                total,
                p == null ? 0 : p.published(),
                p == null ? 0 : p.extracted(),
                p == null ? 0 : p.failed(),
                r,
                eta,
                facts.ready(),
                elapsed);
    }

    private RunProgress readProgress(RunBackends readers) {
        try {
            return readers.progress(backends.dsn(), RunNames.runUid(run)).orElse(null);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("the run's progress cannot be read now: {}", e.getMessage());
            return null;
        }
    }

    /** The run's queue and its dead letters; null when they cannot be read now. */
    private QueueReading.Known readQueue(RunBackends readers, String queue) {
        try {
            return readers.queue(backends.uri(), queue);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("the queue cannot be read now: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The run's queues go with the run; dead-lettered messages on a broker of the user's are kept
     * for a look.
     */
    private void removeQueue(RunBackends readers, String queue) {
        try {
            if (!backends.embeddedBroker()
                    && readers.queue(backends.uri(), queue).deadLettered() > 0) {
                readers.deleteWorkQueue(backends.uri(), queue);
                LOG.warn(
                        "kept {} with its dead-lettered messages",
                        QueueNames.deadLetterQueue(queue));
            } else {
                readers.deleteQueue(backends.uri(), queue);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("could not remove the run's queue {}: {}", queue, e.getMessage());
        }
    }
}
