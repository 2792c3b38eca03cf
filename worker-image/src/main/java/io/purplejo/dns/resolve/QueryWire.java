/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

/**
 * Builds the wire form of a query directly (RFC 1035 section 4.1): a header with RD set, one
 * question and, optionally, an EDNS0 OPT record. Building it by hand keeps this per-query work off
 * the event loop's budget; the ID (bytes 0-1) is filled in for each attempt.
 */
final class QueryWire {
    private QueryWire() {}

    /**
     * @param asciiName lower-case ASCII name without trailing dot, already validated
     */
    static byte[] build(String asciiName, int type, int ednsPayload) {
        int nameLength = asciiName.length() + 2;
        int length = 12 + nameLength + 4 + (ednsPayload > 0 ? 11 : 0);
        byte[] b = new byte[length];
        b[2] = 0x01; // RD
        b[5] = 1; // QDCOUNT
        if (ednsPayload > 0) {
            b[11] = 1; // ARCOUNT
        }
        int p = 12;
        int labelStart = 0;
        for (int i = 0; i <= asciiName.length(); i++) {
            if (i == asciiName.length() || asciiName.charAt(i) == '.') {
                int len = i - labelStart;
                b[p++] = (byte) len;
                for (int j = labelStart; j < i; j++) {
                    b[p++] = (byte) asciiName.charAt(j);
                }
                labelStart = i + 1;
            }
        }
        b[p++] = 0; // root
        b[p++] = (byte) (type >>> 8);
        b[p++] = (byte) type;
        b[p++] = 0;
        b[p++] = 1; // class IN
        if (ednsPayload > 0) {
            b[p++] = 0; // owner: root
            b[p++] = 0;
            b[p++] = 41; // type OPT
            b[p++] = (byte) (ednsPayload >>> 8);
            b[p++] = (byte) ednsPayload;
            p += 4; // extended RCODE, version, flags: all zero
            b[p++] = 0;
            b[p] = 0; // RDLENGTH 0
        }
        return b;
    }
}
