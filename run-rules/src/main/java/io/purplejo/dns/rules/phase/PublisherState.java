/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.phase;

/** The publisher Job as the operator sees it. */
public enum PublisherState {
    /** No Job yet. */
    NONE,
    /** Created or running. */
    ACTIVE,
    /** Completed: every selected domain is published and confirmed. */
    SUCCEEDED,
    /** Failed after its backoff limit. */
    FAILED
}
