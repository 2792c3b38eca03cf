/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.run;

/**
 * A run as the publisher resumes it.
 *
 * @param id {@code dnsx_runs.id}
 * @param checkpoint every selected domain with a smaller or equal id is in a confirmed message
 * @param published domains in confirmed messages so far
 * @param domainIdLimit the snapshot: domains with larger ids were inserted after the run started
 * @param total domains selected, counted when the run started
 * @param finished whether publishing already completed
 */
public record PublishRun(
        long id,
        long checkpoint,
        long published,
        long domainIdLimit,
        long total,
        boolean finished) {}
