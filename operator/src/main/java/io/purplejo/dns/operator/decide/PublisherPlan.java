/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.decide;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/**
 * What to do with the run's publisher Jobs.
 *
 * @param create the Job of a new attempt to create, or null
 * @param delete names of Jobs to delete: earlier attempts, a replaced or failed current attempt
 * @param suspend the value to give the current Job's {@code suspend}, or null to leave it
 * @param job the current attempt's Job name after this step (null when none)
 * @param attempts attempts started after this step
 * @param note why, for events ("" when nothing happens)
 */
public record PublisherPlan(
        Job create, List<String> delete, Boolean suspend, String job, int attempts, String note) {

    /** No Job created, suspended or resumed: only {@code delete} removed. */
    static PublisherPlan keep(List<String> delete, String job, int attempts, String note) {
        return new PublisherPlan(null, delete, null, job, attempts, note);
    }
}
