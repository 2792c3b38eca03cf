/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.problem;

/**
 * A reason a run's status, conditions and events show, owned by one enum ({@link ProblemReason} or
 * the phase machine's reasons), so that code compares constants and never the words people read.
 */
public interface ConditionReason {
    /** The CamelCase word shown as a condition's or an event's reason. */
    String conditionReason();
}
