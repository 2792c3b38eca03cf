/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.schedule;

/** A schedule whose expression or time zone cannot be read; the message says which and why. */
public class InvalidScheduleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message) {
        super(message);
    }
}
