package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.local.backend.Backends;
import io.purplejo.dns.operator.observe.RunBackends;
import io.purplejo.dns.operator.phase.PhaseDecision;
import io.purplejo.dns.operator.phase.PhaseInput;
import io.purplejo.dns.operator.phase.PhaseMachine;
import io.purplejo.dns.operator.phase.PublisherState;
import io.purplejo.dns.operator.resources.RunEnvironment;
import io.purplejo.dns.operator.resources.RunNames;
import io.purplejo.dns.operator.status.RateWindow;
import io.purplejo.dns.progress.RunProgress;
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
 * One run on one machine, driven as the operator drives it on a cluster: the publisher and the workers run
 * with the settings the operator would give their Job and Deployment ({@link RunEnvironment}), and the
 * phase comes from the operator's {@link PhaseMachine} on the same facts (the run's counters, the queue
 * depth, the publisher's end), so that a run is reported Succeeded here exactly when it would be there.
 * Observe, decide, show, until the phase is final or the user interrupts.
 */
public final class LocalRun {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    /** How long dead-lettered messages with no progress elsewhere mean that their domains will never end. */
    private static final Duration DEAD_LETTER_STALL = Duration.ofSeconds(30);

    /**
     * How the run is executed here.
     *
     * @param workers   queue workers in this process
     * @param resolvers resolvers that replace the spec's (null: the spec's, else the system's)
     * @param poll      how often progress is read
     */
    public record Options(int workers, String resolvers, Duration poll) {
    }

    private final DnsExtractionRun run;
    private final Backends backends;
    private final Options options;
    private final ProgressView view;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile String stopReason;

    public LocalRun(DnsExtractionRun run, Backends backends, Options options, ProgressView view, Clock clock) {
        this.run = run;
        this.backends = backends;
        this.options = options;
        this.view = view;
        this.clock = clock;
    }

    /** Asks the run to stop (Ctrl-C): workers drain what they hold, nothing is lost, the run is left unfinished. */
    public void requestStop(String reason) {
        stopReason = reason;
        stopRequested.countDown();
    }

    /** The publisher's settings: the run's, plus where the database and broker are. */
    Map<String, String> publisherEnv() {
        Map<String, String> env = new LinkedHashMap<>(RunEnvironment.publisher(run));
        env.putAll(credentials());
        return env;
    }

    /** A worker's settings: the run's, plus credentials, no metrics port (N workers share this process). */
    Map<String, String> workerEnv() {
        Map<String, String> env = new LinkedHashMap<>(RunEnvironment.worker(run));
        env.putAll(credentials());
        env.put("METRICS_PORT", "0");
        if (options.resolvers() != null) {
            env.put("DNS_RESOLVERS", options.resolvers());
        }
        return env;
    }

    private Map<String, String> credentials() {
        return Map.of("POSTGRES_DSN", backends.dsnText(), "RABBITMQ_URL", backends.urlText());
    }

    public RunReport execute() throws InterruptedException {
        Instant started = clock.instant();
        String queue = RunNames.queue(run);
        PublisherThread publisher = new PublisherThread(publisherEnv());
        WorkerPool workers = new WorkerPool(workerEnv(), options.workers());
        RateWindow rate = new RateWindow(Duration.ofSeconds(30));
        PhaseDecision decision = new PhaseDecision(RunPhase.Pending, "Starting", "starting the publisher");
        RunProgress progress = null;
        long ready = -1;
        String failure = null;
        int failureCode = ExitCodes.OTHER;
        LOG.info("run {} (uid {}): queue {}, {} workers", RunNames.runKey(run), RunNames.runUid(run), queue,
                workers.size());
        try (RunBackends readers = new RunBackends()) {
            backends.prepareQueue(queue);
            publisher.start();
            workers.start();
            long lastDone = -1;
            Instant lastMove = started;
            while (true) {
                Instant now = clock.instant();
                progress = readProgress(readers);
                ready = readQueue(readers, queue);
                PublisherState publisherState = publisher.state();
                boolean deadlineExceeded = run.getSpec().activeDeadlineSeconds != null
                        && Duration.between(started, now).getSeconds() > run.getSpec().activeDeadlineSeconds;
                PhaseDecision next = PhaseMachine.next(new PhaseInput(decision.phase(), null, true, false, false,
                        publisherState, progress, ready, deadlineExceeded));
                if (!PhaseMachine.allowed(decision.phase(), next.phase())) {
                    throw new IllegalStateException("the phase machine computed " + decision.phase() + " -> "
                            + next.phase() + ", a move it does not allow; this is a bug");
                }
                decision = next;
                if (progress != null) {
                    rate.add(now, progress.done());
                    if (progress.done() != lastDone) {
                        lastDone = progress.done();
                        lastMove = now;
                    }
                }
                view.show(reading(decision, progress, rate, ready, Duration.between(started, now)));
                if (decision.phase().finished()) {
                    if (decision.phase() == RunPhase.Failed && publisherState == PublisherState.FAILED) {
                        failure = "the publisher failed: " + publisher.failure();
                        failureCode = publisher.exitCode() == null ? ExitCodes.OTHER : publisher.exitCode();
                    }
                    break;
                }
                if (workers.running() == 0) {
                    failure = "every worker stopped before the run finished: " + String.join("; ", workers.failures());
                    failureCode = ExitCodes.OTHER;
                    decision = new PhaseDecision(RunPhase.Failed, "WorkersStopped", failure);
                    break;
                }
                long deadLetters = readDeadLetters(readers, queue);
                if (deadLetters > 0 && ready == 0 && progress != null && progress.publishingFinished()
                        && Duration.between(lastMove, now).compareTo(DEAD_LETTER_STALL) > 0) {
                    failure = deadLetters + " messages were dead-lettered to " + QueueNames.deadLetterQueue(queue)
                            + " (see the log for why): their domains have no outcome and the run cannot complete";
                    decision = new PhaseDecision(RunPhase.Failed, "DeadLettered", failure);
                    break;
                }
                if (stopRequested.await(options.poll().toMillis(), TimeUnit.MILLISECONDS)) {
                    failure = "interrupted (" + stopReason + "): the run did not finish; domains without an outcome"
                            + " are selected again by the next run of a NeverExtracted selection";
                    failureCode = 130;
                    break;
                }
            }
            workers.stop(decision.phase().finished() ? "the run finished" : "stopping", Duration.ofSeconds(
                    RunEnvironment.DRAIN_SECONDS + 5));
            publisher.stop();
            // the last word on the counters, after the workers stored what they held
            RunProgress last = readProgress(readers);
            progress = last != null ? last : progress;
            long finalReady = readQueue(readers, queue);
            ready = finalReady >= 0 ? finalReady : ready;
            removeQueue(readers, queue);
        } finally {
            view.close();
        }
        Instant ended = clock.instant();
        DnsExtractionRunStatus status = LocalStatus.of(run, decision, failure, progress, queue, ready,
                decision.phase().finished() ? 0 : workers.size(), started, ended);
        int code = decision.phase() == RunPhase.Succeeded ? ExitCodes.OK : failureCode;
        return new RunReport(status, code);
    }

    private ProgressView.Reading reading(PhaseDecision d, RunProgress p, RateWindow rate, long ready, Duration elapsed) {
        Double r = d.phase().finished() ? null : rate.rate();
        Long total = p == null ? null : p.total();
        Duration eta = r == null || total == null ? null : rate.eta(Math.max(0, total - p.done()));
        return new ProgressView.Reading(d.phase(), d.reason(), total, p == null ? 0 : p.published(),
                p == null ? 0 : p.resolved(), p == null ? 0 : p.failed(), r, eta, ready, elapsed);
    }

    private RunProgress readProgress(RunBackends readers) {
        try {
            return readers.progress(backends.dsn(), RunNames.runUid(run)).orElse(null);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.warn("the run's progress cannot be read now: {}", e.getMessage());
            return null;
        }
    }

    private long readQueue(RunBackends readers, String queue) {
        try {
            return readers.queue(backends.uri(), queue).ready();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("the queue cannot be read now: {}", e.getMessage());
            return -1;
        }
    }

    private long readDeadLetters(RunBackends readers, String queue) {
        try {
            return readers.queue(backends.uri(), QueueNames.deadLetterQueue(queue)).ready();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The run's queues go with the run; dead-lettered messages on a broker of the user's are kept for a look. */
    private void removeQueue(RunBackends readers, String queue) {
        try {
            if (!backends.embeddedBroker() && readDeadLetters(readers, queue) > 0) {
                readers.deleteWorkQueue(backends.uri(), queue);
                LOG.warn("kept {} with its dead-lettered messages", QueueNames.deadLetterQueue(queue));
            } else {
                readers.deleteQueue(backends.uri(), queue);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("could not remove the run's queue {}: {}", queue, e.getMessage());
        }
    }
}
