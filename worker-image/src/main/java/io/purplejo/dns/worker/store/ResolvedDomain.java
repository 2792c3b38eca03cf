/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.resolve.DomainResolution;

/**
 * A resolved domain on its way to the database.
 *
 * @param runId the run whose outcome it is
 * @param domainIdHint the {@code domains.id} the message gave, 0 when it gave none
 * @param resolution what was found
 */
public record ResolvedDomain(long runId, long domainIdHint, DomainResolution resolution) {}
