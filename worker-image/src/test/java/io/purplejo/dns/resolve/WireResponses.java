/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Responses built with dnsjava, read as the client reads them. */
final class WireResponses {
    private WireResponses() {}

    /** {@code m} in wire form, read in place. */
    static WireResponse read(Message m) throws MalformedResponseException {
        byte[] wire = m.toWire();
        return WireResponse.read(wire, wire.length);
    }

    /** The wire form of a query for ({@code name}, {@code type}, IN). */
    static byte[] query(Name name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(name, type, DClass.IN)).toWire();
    }
}
