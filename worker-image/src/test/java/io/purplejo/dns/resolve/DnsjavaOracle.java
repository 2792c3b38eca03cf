/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.outcome.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The client's reading of a response as it was written on dnsjava's {@code Message}, kept as the
 * reference the in-place reader ({@link WireResponse}) is held to: same validation, same match of
 * the question, same action, same records, byte for byte.
 */
final class DnsjavaOracle {
    private DnsjavaOracle() {}

    /** What the client makes of one response to one query. */
    record Reading(String verdict, TypeAnswer answer) {
        static final String MALFORMED = "malformed";
        static final String MISMATCHED = "mismatched";
    }

    /** How dnsjava reads {@code wire} as the response to ({@code qname}, {@code qtype}). */
    static Reading read(byte[] wire, Name qname, int qtype, boolean overTcp, boolean ednsSent)
            throws IOException {
        Message m = new Message(wire);
        if (!answers(m, qname, qtype)) {
            return new Reading(Reading.MISMATCHED, null);
        }
        ResponsePolicy.Action action =
                ResponsePolicy.actionFor(
                        m.getRcode(), m.getHeader().getFlag(Flags.TC), overTcp, ednsSent);
        return new Reading(
                action.name(),
                action == ResponsePolicy.Action.TAKE ? extract(m, qname, qtype) : null);
    }

    /** How the in-place reader reads the same bytes; same shape as {@link #read}. */
    static Reading readInPlace(
            byte[] wire, byte[] query, int qtype, boolean overTcp, boolean ednsSent)
            throws MalformedResponseException {
        WireResponse m = WireResponse.read(wire, wire.length);
        if (!ResponsePolicy.answers(m, query, qtype)) {
            return new Reading(Reading.MISMATCHED, null);
        }
        ResponsePolicy.Action action = ResponsePolicy.actionFor(m, overTcp, ednsSent);
        return new Reading(
                action.name(),
                action == ResponsePolicy.Action.TAKE ? AnswerExtractor.extract(m, qtype, 1) : null);
    }

    static boolean answers(Message response, Name name, int type) {
        Header h = response.getHeader();
        if (!h.getFlag(Flags.QR) || h.getOpcode() != Opcode.QUERY) {
            return false;
        }
        Record q = response.getQuestion();
        return q != null
                && q.getType() == type
                && q.getDClass() == DClass.IN
                && q.getName().equals(name);
    }

    static TypeAnswer extract(Message response, Name qname, int qtype) {
        List<Record> answer = response.getSection(Section.ANSWER);
        Set<Name> owners = new LinkedHashSet<>();
        owners.add(qname);
        List<String> firstHop = new ArrayList<>();
        boolean tooLong = false;
        Name current = qname;
        for (int hop = 0; ; hop++) {
            Name next = cnameTarget(answer, current);
            if (next == null) {
                break;
            }
            if (hop == 0 && !firstHop.contains(host(next))) {
                firstHop.add(host(next));
            }
            if (owners.contains(next) || hop >= AnswerExtractor.MAX_CHAIN) {
                tooLong = true;
                break;
            }
            owners.add(next);
            current = next;
        }
        List<RecordValue> values = new ArrayList<>();
        if (qtype == Type.CNAME) {
            for (String target : firstHop) {
                values.add(new RecordValue.Host(target));
            }
        } else {
            for (Record r : answer) {
                if (r.getType() == qtype
                        && r.getDClass() == DClass.IN
                        && owners.contains(r.getName())) {
                    RecordValue v = value(r);
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
            }
        }
        Outcome outcome =
                AnswerExtractor.outcomeOf(response.getRcode(), qtype, tooLong, values.isEmpty());
        if (outcome != Outcome.RESOLVED && outcome != Outcome.NO_DATA) {
            values.clear();
        }
        return new TypeAnswer(qtype, outcome, List.copyOf(values), List.copyOf(firstHop), 1);
    }

    private static Name cnameTarget(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r instanceof CNAMERecord c
                    && r.getDClass() == DClass.IN
                    && r.getName().equals(owner)) {
                return c.getTarget();
            }
        }
        return null;
    }

    /** A dnsjava record's value, read through dnsjava's own accessors. */
    static RecordValue value(Record r) {
        if (r instanceof ARecord a) {
            return new RecordValue.Address(a.getAddress().getHostAddress());
        } else if (r instanceof AAAARecord aaaa) {
            return new RecordValue.Address(RecordFormat.ipv6(aaaa.getAddress().getAddress()));
        } else if (r instanceof NSRecord ns) {
            return new RecordValue.Host(host(ns.getTarget()));
        } else if (r instanceof CNAMERecord cname) {
            return new RecordValue.Host(host(cname.getTarget()));
        } else if (r instanceof MXRecord mx) {
            return new RecordValue.MailExchange(mx.getPriority(), host(mx.getTarget()));
        } else if (r instanceof SOARecord soa) {
            return new RecordValue.StartOfAuthority(
                    host(soa.getHost()),
                    host(soa.getAdmin()),
                    soa.getSerial(),
                    soa.getRefresh(),
                    soa.getRetry(),
                    soa.getExpire(),
                    soa.getMinimum());
        } else if (r instanceof TXTRecord txt) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : txt.getStringsAsByteArrays()) {
                out.writeBytes(p);
            }
            return RecordFormat.text(out.toByteArray());
        }
        throw new IllegalArgumentException("unsupported record type " + r.getType());
    }

    static String host(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
