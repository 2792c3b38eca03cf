/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.problem;

/** A problem of a run: its typed reason and a message that says what to fix (never a password). */
public record RunProblem(ProblemReason reason, String message) {}
