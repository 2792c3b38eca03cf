/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.util.Arrays;

/**
 * One record's data, typed as the extractor read it, so that the store never parses text back; each
 * kind also gives the canonical text the legacy tables and the benchmark oracle hold (see {@link
 * RecordFormat}).
 */
public sealed interface RecordValue
        permits RecordValue.Address,
                RecordValue.Host,
                RecordValue.MailExchange,
                RecordValue.StartOfAuthority,
                RecordValue.Text {

    /** The canonical text, or null for a TXT record whose bytes are not UTF-8 text. */
    String text();

    /** An A or AAAA record: the address as dotted quad or RFC 5952 text. */
    record Address(String text) implements RecordValue {}

    /** An NS or CNAME record: the target host, lower-case, without trailing dot. */
    record Host(String text) implements RecordValue {}

    /** An MX record: its preference and exchange host ("." for a null MX). */
    record MailExchange(int preference, String exchange) implements RecordValue {
        @Override
        public String text() {
            return preference + " " + exchange;
        }
    }

    /** An SOA record's seven fields; the serial and timers are unsigned 32-bit numbers. */
    record StartOfAuthority(
            String mname,
            String rname,
            long serial,
            long refresh,
            long retry,
            long expire,
            long minimum)
            implements RecordValue {
        @Override
        public String text() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire
                    + " " + minimum;
        }
    }

    /**
     * A TXT record: its character-strings joined, exactly as received, and their text when it is
     * valid UTF-8 without NUL (else null).
     */
    record Text(byte[] bytes, String text) implements RecordValue {
        /** Two TXT records are the same when their bytes are. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && Arrays.equals(bytes, t.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return text != null ? "Text[" + text + "]" : "Text[" + bytes.length + " bytes]";
        }
    }
}
