/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.worker.store.ResolvedDomain;

/**
 * A resolved domain waiting to be written in a batch, with the message it came in (to settle it).
 */
record DomainAwaitingWrite(TrackedMessage message, ResolvedDomain domain) {}
