/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import java.time.Duration;

/**
 * The progress a person sees, also in the log: at each phase change and every 30 s, so that the log
 * of a run tells its course when the terminal is gone (a bar leaves nothing behind).
 */
public final class LoggedProgress implements ProgressView {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(LoggedProgress.class);

    static final Duration EVERY = Duration.ofSeconds(30);

    private final ProgressView shown;
    private RunPhase lastPhase;
    private Duration lastLogged;

    public LoggedProgress(ProgressView shown) {
        this.shown = shown;
    }

    @Override
    public void show(Reading reading) {
        shown.show(reading);
        if (due(lastPhase, lastLogged, reading)) {
            LOG.info("progress: {} {}", reading.phase(), reading.counters());
            lastPhase = reading.phase();
            lastLogged = reading.elapsed();
        }
    }

    /** Whether a reading is logged: the first, a new phase, or 30 s after the last logged one. */
    static boolean due(RunPhase lastPhase, Duration lastLogged, Reading reading) {
        return lastPhase == null
                || reading.phase() != lastPhase
                || reading.elapsed().compareTo(lastLogged.plus(EVERY)) >= 0;
    }

    @Override
    public void close() {
        shown.close();
    }
}
