/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

/** Where a run is in its life (see the operator's phase machine for the transitions). */
public enum RunPhase {
    Pending,
    Publishing,
    Resolving,
    Succeeded,
    Failed,
    Suspended;

    public boolean finished() {
        return this == Succeeded || this == Failed;
    }
}
