/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.api.v1alpha1;

/** The DNS record types a run can extract. */
public enum RecordType {
    A,
    AAAA,
    NS,
    MX,
    SOA,
    CNAME,
    TXT
}
