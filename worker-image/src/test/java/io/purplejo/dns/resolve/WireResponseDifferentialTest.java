/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.resolve.DnsjavaOracle.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Holds the in-place reader to dnsjava, byte for byte: thousands of generated responses (CNAME
 * chains and loops, names in any case and with bytes a zone file escapes, duplicates, other classes
 * and types, OPT with extended RCODEs, truncation) and many more corrupted copies of them must be
 * refused, matched, decided and extracted exactly as dnsjava's {@code Message} and the client's
 * former reading of it ({@link DnsjavaOracle}) did. The one allowed difference: data of types the
 * client does not read (an RRSIG, a COOKIE option) is not checked.
 */
class WireResponseDifferentialTest {
    private static final int[] TYPES = {
        Type.A, Type.AAAA, Type.NS, Type.MX, Type.SOA, Type.CNAME, Type.TXT
    };

    /** An unassigned type: dnsjava keeps its data as opaque bytes. */
    private static final int OPAQUE_TYPE = 65280;

    /** An unassigned EDNS option code: dnsjava keeps its data as opaque bytes. */
    private static final int OPAQUE_OPTION = 65001;

    private static final Set<Integer> READ_TYPES =
            Set.of(Type.A, Type.AAAA, Type.NS, Type.MX, Type.SOA, Type.CNAME, Type.TXT, Type.OPT);

    /** One generated exchange: the query's name and type, its wire form, and the response. */
    private record Exchange(Name qname, int qtype, byte[] query, byte[] response) {}

    @Test
    void readsWellFormedResponsesExactlyAsDnsjava() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (int seed = 0; seed < 4000; seed++) {
            Random random = new Random(seed);
            Exchange e = new Generator(random).exchange();
            boolean overTcp = random.nextInt(4) == 0;
            boolean ednsSent = random.nextBoolean();

            Reading expected =
                    DnsjavaOracle.read(e.response(), e.qname(), e.qtype(), overTcp, ednsSent);
            Reading actual =
                    DnsjavaOracle.readInPlace(
                            e.response(), e.query(), e.qtype(), overTcp, ednsSent);

            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
            seen.merge(kind(actual), 1, Integer::sum);
        }
        // the generator reaches every way a response can go, so that the equality above means
        // something for each
        assertThat(seen)
                .containsKeys(
                        Reading.MISMATCHED,
                        "ASK_OVER_TCP",
                        "FAIL_TRUNCATED",
                        "ASK_WITHOUT_EDNS",
                        "FAIL_SERVFAIL",
                        "FAIL_REFUSED",
                        "RESOLVED",
                        "NO_DATA",
                        "NXDOMAIN",
                        "CHAIN_TOO_LONG");
        assertThat(seen.get("RESOLVED")).isGreaterThan(500);
    }

    @Test
    void refusesWhatDnsjavaRefusesAndReadsTheRestAlikeWhenResponsesAreCorrupted() throws Exception {
        int bothRead = 0;
        int bothRefused = 0;
        int resolved = 0;
        for (int seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            Exchange e = new Generator(random).exchange();
            for (int m = 0; m < 20; m++) {
                byte[] corrupted = corrupt(e.response(), random);
                String what = "seed " + seed + " corruption " + m + ": " + hex(corrupted);
                Reading expected;
                try {
                    expected = DnsjavaOracle.read(corrupted, e.qname(), e.qtype(), false, true);
                } catch (IOException dnsjavaRefused) {
                    expected = null;
                }
                Reading actual;
                try {
                    actual =
                            DnsjavaOracle.readInPlace(corrupted, e.query(), e.qtype(), false, true);
                } catch (MalformedResponseException refused) {
                    actual = null;
                } catch (RuntimeException crash) {
                    throw new AssertionError(what, crash);
                }
                if (expected != null) {
                    assertThat(actual).as(what).isEqualTo(expected);
                    bothRead++;
                    if ("RESOLVED".equals(kind(actual))) {
                        resolved++;
                    }
                } else if (actual == null) {
                    bothRefused++;
                } else {
                    // refused by dnsjava, read here: only data this client does not read may be
                    // the reason; dnsjava reads the bytes once that data is made opaque
                    byte[] opaque = withUnreadDataOpaque(corrupted);
                    Reading dnsjavaOnOpaque;
                    try {
                        dnsjavaOnOpaque =
                                DnsjavaOracle.read(opaque, e.qname(), e.qtype(), false, true);
                    } catch (IOException stillRefused) {
                        throw new AssertionError(
                                what + " is read here but refused by dnsjava", stillRefused);
                    }
                    assertThat(actual).as(what).isEqualTo(dnsjavaOnOpaque);
                }
            }
        }
        assertThat(bothRead).isGreaterThan(5000);
        assertThat(bothRefused).isGreaterThan(5000);
        assertThat(resolved).isGreaterThan(1000);
    }

    private static String kind(Reading r) {
        return r.answer() == null ? r.verdict() : r.answer().outcome().name();
    }

    /** One of several corruptions a broken or hostile server might send. */
    private static byte[] corrupt(byte[] wire, Random random) {
        byte[] b = wire.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                return Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            case 2 -> {
                // a section count
                int at = 4 + 2 * random.nextInt(4);
                b[at] = 0;
                b[at + 1] = (byte) random.nextInt(12);
            }
            case 3 -> {
                // a compression pointer anywhere, forward, backward or onto itself
                int at = 12 + random.nextInt(Math.max(1, b.length - 13));
                if (at + 1 < b.length) {
                    int target = random.nextInt(b.length + 4);
                    b[at] = (byte) (0xc0 | (target >>> 8));
                    b[at + 1] = (byte) target;
                }
            }
            case 4 -> {
                // a length octet: a label's, a character-string's or an RDLENGTH's low byte
                int at = 12 + random.nextInt(Math.max(1, b.length - 12));
                if (at < b.length) {
                    b[at] = (byte) (b[at] + random.nextInt(5) - 2);
                }
            }
            default -> {
                // flags and RCODE
                b[2] = (byte) random.nextInt(256);
                b[3] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    /**
     * The same bytes with each record of a type this client does not read made an opaque type, and
     * each EDNS option an opaque option, so that dnsjava no longer parses their data.
     */
    private static byte[] withUnreadDataOpaque(byte[] wire) {
        byte[] b = wire.clone();
        int pos = 12;
        int questions = u16(b, 4);
        for (int i = 0; i < questions; i++) {
            pos = afterName(b, pos) + 4;
        }
        for (int section = 1; section <= 3; section++) {
            int count = u16(b, 4 + 2 * section);
            for (int i = 0; i < count && pos < b.length; i++) {
                pos = afterName(b, pos);
                int type = u16(b, pos);
                int rdlength = u16(b, pos + 8);
                int rdata = pos + 10;
                if (!READ_TYPES.contains(type)) {
                    b[pos] = (byte) (OPAQUE_TYPE >>> 8);
                    b[pos + 1] = (byte) OPAQUE_TYPE;
                } else if (type == Type.OPT) {
                    for (int p = rdata; p + 4 <= rdata + rdlength; p += 4 + u16(b, p + 2)) {
                        b[p] = (byte) (OPAQUE_OPTION >>> 8);
                        b[p + 1] = (byte) OPAQUE_OPTION;
                    }
                }
                pos = rdata + rdlength;
            }
        }
        return b;
    }

    private static int afterName(byte[] b, int pos) {
        int p = pos;
        while (true) {
            int len = b[p] & 0xff;
            if (len >= 0xc0) {
                return p + 2;
            }
            if (len == 0) {
                return p + 1;
            }
            p += len + 1;
        }
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    /** Random responses to random queries, from one seed. */
    private static final class Generator {
        private static final byte[] ODD_BYTES = {
            0, ' ', '.', '\\', '"', '(', ')', ';', '@', '$', '*', 0x7f, (byte) 0xc3, (byte) 0xff
        };
        private final Random random;
        private final Name zone;

        Generator(Random random) throws IOException {
            this.random = random;
            this.zone =
                    name(List.of(label(), random.nextBoolean() ? "test" : "Example"), Name.root);
        }

        Exchange exchange() throws IOException {
            Name qname = randomName();
            int qtype = TYPES[random.nextInt(TYPES.length)];
            byte[] query = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN)).toWire();
            Message m = new Message(random.nextInt(65536));
            if (random.nextInt(20) != 0) {
                m.getHeader().setFlag(Flags.QR);
            }
            if (random.nextInt(20) == 0) {
                m.getHeader().setOpcode(Opcode.NOTIFY);
            }
            if (random.nextInt(10) == 0) {
                m.getHeader().setFlag(Flags.TC);
            }
            int[] rcodes = {0, 0, 0, 0, 0, 3, 3, 1, 2, 4, 5};
            int rcode = rcodes[random.nextInt(rcodes.length)];
            m.getHeader().setRcode(rcode);
            question(m, qname, qtype);
            answers(m, qname, qtype);
            if (random.nextBoolean()) {
                m.addRecord(
                        soa(random.nextBoolean() ? zone : randomName(), DClass.IN),
                        Section.AUTHORITY);
            }
            if (random.nextBoolean()) {
                m.addRecord(new NSRecord(zone, DClass.IN, 300, randomName()), Section.AUTHORITY);
                m.addRecord(record(randomName(), Type.A), Section.ADDITIONAL);
            }
            if (random.nextInt(4) == 0) {
                m.addRecord(record(randomName(), OPAQUE_TYPE), Section.ADDITIONAL);
            }
            if (random.nextBoolean()) {
                // an OPT record, sometimes with an extended RCODE (BADVERS is 16)
                int extended = random.nextInt(6) == 0 ? 1 : 0;
                List<EDNSOption> options = new ArrayList<>();
                if (random.nextBoolean()) {
                    options.add(new GenericEDNSOption(OPAQUE_OPTION, bytes(random.nextInt(6))));
                }
                m.addRecord(new OPTRecord(1232, extended, 0, 0, options), Section.ADDITIONAL);
            }
            return new Exchange(qname, qtype, query, m.toWire());
        }

        private void question(Message m, Name qname, int qtype) throws IOException {
            switch (random.nextInt(14)) {
                case 0 -> {} // no question at all
                case 1 -> m.addRecord(Record.newRecord(randomName(), qtype, DClass.IN), 0);
                case 2 ->
                        m.addRecord(
                                Record.newRecord(
                                        qname, Type.TXT == qtype ? Type.A : Type.TXT, DClass.IN),
                                0);
                case 3 -> m.addRecord(Record.newRecord(qname, qtype, DClass.CH), 0);
                case 4 -> {
                    m.addRecord(Record.newRecord(recase(qname), qtype, DClass.IN), 0);
                    m.addRecord(Record.newRecord(randomName(), qtype, DClass.IN), 0);
                }
                default -> m.addRecord(Record.newRecord(recase(qname), qtype, DClass.IN), 0);
            }
        }

        /** A CNAME chain (sometimes a loop or longer than the limit), then records. */
        private void answers(Message m, Name qname, int qtype) throws IOException {
            List<Name> owners = new ArrayList<>(List.of(qname));
            int links =
                    switch (random.nextInt(10)) {
                        case 0, 1, 2 -> 1 + random.nextInt(3);
                        case 3 -> AnswerExtractor.MAX_CHAIN + random.nextInt(3);
                        default -> 0;
                    };
            Name current = qname;
            for (int i = 0; i < links; i++) {
                Name next =
                        random.nextInt(12) == 0
                                ? owners.get(random.nextInt(owners.size()))
                                : randomName();
                m.addRecord(
                        new CNAMERecord(recase(current), dclass(), 300, recase(next)),
                        Section.ANSWER);
                if (random.nextInt(10) == 0) {
                    // a second CNAME for the same owner: only the first counts
                    m.addRecord(
                            new CNAMERecord(recase(current), DClass.IN, 300, randomName()),
                            Section.ANSWER);
                }
                owners.add(next);
                current = next;
            }
            int records = random.nextInt(5);
            for (int i = 0; i < records; i++) {
                Name owner =
                        random.nextInt(5) == 0
                                ? randomName()
                                : owners.get(random.nextInt(owners.size()));
                int type = random.nextInt(5) == 0 ? TYPES[random.nextInt(TYPES.length)] : qtype;
                Record r = record(recase(owner), type);
                m.addRecord(r, Section.ANSWER);
                if (random.nextInt(6) == 0) {
                    m.addRecord(r, Section.ANSWER); // a duplicate
                }
            }
            if (random.nextInt(8) == 0) {
                m.addRecord(record(qname, OPAQUE_TYPE), Section.ANSWER);
            }
        }

        private int dclass() {
            return random.nextInt(15) == 0 ? DClass.CH : DClass.IN;
        }

        private Record record(Name owner, int type) throws IOException {
            int dclass = dclass();
            return switch (type) {
                case Type.A -> Record.newRecord(owner, type, dclass, 300, bytes(4));
                case Type.AAAA -> {
                    byte[] a = bytes(16);
                    if (random.nextInt(4) == 0) {
                        // IPv4-mapped, or mostly zero for the "::" rules
                        Arrays.fill(a, 0, 10, (byte) 0);
                        if (random.nextBoolean()) {
                            a[10] = (byte) 0xff;
                            a[11] = (byte) 0xff;
                        }
                    }
                    yield Record.newRecord(owner, type, dclass, 300, a);
                }
                case Type.NS -> new NSRecord(owner, dclass, 300, randomName());
                case Type.CNAME -> new CNAMERecord(owner, dclass, 300, randomName());
                case Type.MX ->
                        new MXRecord(
                                owner,
                                dclass,
                                300,
                                random.nextInt(65536),
                                random.nextInt(10) == 0 ? Name.root : randomName());
                case Type.SOA -> soa(owner, dclass);
                case Type.TXT -> {
                    byte[] rdata = new byte[0];
                    for (int i = random.nextInt(4); i > 0; i--) {
                        byte[] s = random.nextInt(4) == 0 ? bytes(random.nextInt(40)) : text();
                        byte[] grown = Arrays.copyOf(rdata, rdata.length + 1 + s.length);
                        grown[rdata.length] = (byte) s.length;
                        System.arraycopy(s, 0, grown, rdata.length + 1, s.length);
                        rdata = grown;
                    }
                    yield Record.newRecord(owner, type, dclass, 300, rdata);
                }
                default -> Record.newRecord(owner, type, dclass, 300, bytes(random.nextInt(9)));
            };
        }

        private SOARecord soa(Name owner, int dclass) {
            return new SOARecord(
                    owner,
                    dclass,
                    300,
                    randomName(),
                    randomName(),
                    random.nextLong() & 0xffffffffL,
                    random.nextInt(100000),
                    random.nextInt(100000),
                    random.nextLong() & 0xffffffffL,
                    random.nextInt(100000));
        }

        private byte[] text() {
            String[] words = {"v=spf1 ", "include:_spf.Example.com", " ~all", "héllo", "\"q\"", ""};
            return words[random.nextInt(words.length)].getBytes(
                    java.nio.charset.StandardCharsets.UTF_8);
        }

        private byte[] bytes(int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        /** A name under the zone, sometimes long, sometimes with bytes a zone file escapes. */
        private Name randomName() {
            List<String> labels = new ArrayList<>();
            int n = random.nextInt(30) == 0 ? 20 + random.nextInt(10) : 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                labels.add(label());
            }
            try {
                return name(labels, zone);
            } catch (IOException tooLong) {
                return zone;
            }
        }

        private String label() {
            String alphabet = "abcxyzABCXYZ0189-_";
            int n = random.nextInt(12) == 0 ? 40 + random.nextInt(24) : 1 + random.nextInt(8);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(25) == 0) {
                    sb.append((char) (ODD_BYTES[random.nextInt(ODD_BYTES.length)] & 0xff));
                } else {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            return sb.toString();
        }

        /** A name from labels taken as raw bytes (ISO-8859-1), under {@code suffix}. */
        private static Name name(List<String> labels, Name suffix) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (String l : labels) {
                byte[] b = l.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                out.write(b.length);
                out.writeBytes(b);
            }
            out.writeBytes(suffix.toWire());
            return new Name(out.toByteArray());
        }

        /** The same name with the case of some ASCII letters changed. */
        private Name recase(Name n) throws IOException {
            byte[] w = n.toWireCanonical();
            if (random.nextBoolean()) {
                w = n.toWire();
            }
            for (int i = 0; i < w.length; i++) {
                if (((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z'))
                        && random.nextInt(3) == 0) {
                    w[i] ^= 0x20;
                }
            }
            return new Name(w);
        }
    }
}
