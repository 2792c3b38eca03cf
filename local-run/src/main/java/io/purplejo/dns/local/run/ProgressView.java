package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Duration;

/** Where a local run shows its progress: a bar on a terminal, plain lines elsewhere. */
public interface ProgressView extends AutoCloseable {

    /**
     * One reading of the run.
     *
     * @param total     domains the run selected, null until the publisher fixed the set
     * @param published domains in confirmed messages
     * @param done      domains with an outcome: resolved plus failed
     * @param rate      domains per second, null while unknown
     * @param eta       time left at that rate, null while unknown
     * @param queue     messages waiting in the queue, -1 when unknown
     */
    record Reading(RunPhase phase, String reason, Long total, long published, long resolved, long failed, Double rate,
                   Duration eta, long queue, Duration elapsed) {
        public long done() {
            return resolved + failed;
        }
    }

    void show(Reading reading);

    @Override
    void close();
}
