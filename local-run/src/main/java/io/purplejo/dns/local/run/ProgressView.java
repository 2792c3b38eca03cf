/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import io.purplejo.dns.rules.status.RateWindow;
import java.time.Duration;
import java.util.Locale;

/** Where a local run shows its progress: a bar on a terminal, plain lines elsewhere. */
public interface ProgressView extends AutoCloseable {

    /**
     * One reading of the run.
     *
     * @param total domains the run selected, null until the publisher fixed the set
     * @param published domains in confirmed messages
     * @param resolved domains extracted: a definite answer (records, no data, NXDOMAIN)
     * @param failed domains whose lookups failed
     * @param rate domains per second, null while unknown
     * @param eta time left at that rate, null while unknown
     * @param queue messages waiting in the queue, -1 when unknown
     */
    record Reading(
            RunPhase phase,
            String reason,
            Long total,
            long published,
            long resolved,
            long failed,
            Double rate,
            Duration eta,
            long queue,
            Duration elapsed) {
        public long done() {
            return resolved + failed;
        }

        /** "published 1,000/1,000 extracted 450 failed 50 120.5/s ETA 5s": what both views show. */
        public String counters() {
            StringBuilder sb =
                    new StringBuilder(String.format(Locale.ROOT, "published %,d", published));
            if (total != null) {
                sb.append(String.format(Locale.ROOT, "/%,d", total));
            }
            sb.append(String.format(Locale.ROOT, " extracted %,d failed %,d", resolved, failed));
            if (rate != null) {
                sb.append(String.format(Locale.ROOT, " %.1f/s", rate));
            }
            if (eta != null) {
                sb.append(" ETA ").append(RateWindow.format(eta));
            }
            return sb.toString();
        }
    }

    void show(Reading reading);

    @Override
    void close();
}
