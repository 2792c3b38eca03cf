/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.backend;

import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.rules.problem.RunProblem;

/**
 * What the operator knows of a run's progress in PostgreSQL: never zeros standing in for "unknown".
 */
public sealed interface ProgressReading {
    /** The run's row and counters as read just now. */
    record Known(RunProgress progress) implements ProgressReading {}

    /** The database answered: the publisher has not created the run's row yet. */
    record NotCreated() implements ProgressReading {}

    /** The database could not be read; the problem says why. */
    record Unavailable(RunProblem problem) implements ProgressReading {}

    /**
     * Not read: the run is finished, or its Secrets cannot be read (that problem is reported on its
     * own).
     */
    record NotRead() implements ProgressReading {}

    /** The progress, or null when it is not known. */
    default RunProgress known() {
        return this instanceof Known k ? k.progress() : null;
    }
}
