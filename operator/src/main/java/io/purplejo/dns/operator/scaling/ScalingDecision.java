/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.scaling;

import java.time.Instant;

/**
 * What the scaler decided: the worker count, the scale-down candidate time to remember, and why.
 *
 * @param metricsUnavailable the queue depth could not be read, so the count was kept as it was
 */
public record ScalingDecision(
        int desired, Instant scaleDownCandidateSince, String reason, boolean metricsUnavailable) {}
