/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.lookup;

/** Record type names that name no supported type, or none at all; the message says which. */
public class UnsupportedRecordTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedRecordTypeException(String message) {
        super(message);
    }
}
