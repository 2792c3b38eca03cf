/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import io.purplejo.dns.resolve.DomainResolution;
import java.io.IOException;

/** Writes each name's result, whole, in one {@link ResultFormat}; one thread calls it. */
interface ResultWriter {
    /** Writes one name's result; its lines are complete when this returns. */
    void write(DomainResolution r) throws IOException;

    /** Pushes what is written to the file or stream. */
    void flush() throws IOException;
}
