/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.message;

/**
 * A queue message that no worker can ever process; it goes to the dead-letter queue with this
 * reason.
 */
public class UndecodableMessageException extends RuntimeException {
    public UndecodableMessageException(String reason) {
        super(reason);
    }
}
