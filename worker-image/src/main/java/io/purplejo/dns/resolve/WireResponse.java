/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

/**
 * A DNS response read in place from its wire form (RFC 1035 section 4.1), without building an
 * object per record or per name: the client reads each of thousands of answers a second, and
 * dnsjava's {@code Message} spent most of the client's CPU and allocation on records it never used.
 *
 * <p>What is checked is what dnsjava checks, so that a response either client would refuse is
 * refused here too (the differential tests hold this parser to dnsjava as their oracle): every
 * name's labels, compression pointers (backward only) and length (255 octets); the framing of every
 * record in every section; the data of every A, AAAA, NS, CNAME, MX, SOA, TXT and OPT record; a
 * TSIG record only as the last one. The data of other types is skipped, not read, as a lean C
 * client skips it (dnsjava would refuse, say, an RRSIG with a broken signer name). As dnsjava does,
 * a truncated (TC) response keeps what was read before the first error.
 *
 * <p>The names it hands out are offsets into the message; the message's bytes must not change while
 * it is read.
 */
final class WireResponse {
    /** The header's length: a datagram shorter than this is not a response. */
    static final int HEADER_LENGTH = 12;

    private static final int MAX_NAME = 255;
    private static final int CLASS_IN = 1;
    private static final int TYPE_A = 1;
    private static final int TYPE_NS = 2;
    private static final int TYPE_CNAME = 5;
    private static final int TYPE_SOA = 6;
    private static final int TYPE_MX = 15;
    private static final int TYPE_TXT = 16;
    private static final int TYPE_AAAA = 28;
    private static final int TYPE_OPT = 41;
    private static final int TYPE_TSIG = 250;
    private static final int ANSWER = 1;
    private static final int ADDITIONAL = 3;

    // an answer record's fields in `answers`, FIELDS ints a record
    private static final int OWNER = 0;
    private static final int TYPE = 1;
    private static final int CLASS = 2;
    private static final int RDATA = 3;
    private static final int RDLENGTH = 4;
    private static final int FIELDS = 5;

    /** The smallest record: a root owner, type, class, TTL and an empty RDLENGTH. */
    private static final int MIN_RECORD = 11;

    private final byte[] b;
    private final int length;
    private final int flags;
    private int extendedRcode;
    private boolean optSeen;
    private int question = -1;
    private int questionType;
    private int questionClass;
    private final int[] answers;
    private int answerCount;

    private WireResponse(byte[] b, int length) {
        this.b = b;
        this.length = length;
        this.flags = u16(2);
        // sized by what the bytes can hold, not by a count a hostile server chose
        int claimed = u16(6);
        this.answers = new int[Math.min(claimed, (length - HEADER_LENGTH) / MIN_RECORD) * FIELDS];
    }

    /**
     * Reads the first {@code length} bytes of {@code message}.
     *
     * @throws MalformedResponseException when they break the wire format (and TC is not set)
     */
    static WireResponse read(byte[] message, int length) throws MalformedResponseException {
        if (length > message.length) {
            throw new IllegalArgumentException(
                    length + " bytes asked of a message of " + message.length);
        }
        if (length < HEADER_LENGTH) {
            throw new MalformedResponseException("shorter than a DNS header");
        }
        WireResponse r = new WireResponse(message, length);
        try {
            r.readSections();
        } catch (MalformedResponseException e) {
            if (!r.truncated()) {
                throw e;
            }
            // the server said it cut the message: what came before the cut stands, as in dnsjava
        }
        return r;
    }

    private void readSections() throws MalformedResponseException {
        int pos = HEADER_LENGTH;
        int questions = u16(4);
        for (int i = 0; i < questions; i++) {
            int name = pos;
            pos = skipName(pos, length);
            require(pos, 4, length);
            if (i == 0) {
                question = name;
                questionType = u16(pos);
                questionClass = u16(pos + 2);
            }
            pos += 4;
        }
        for (int section = ANSWER; section <= ADDITIONAL; section++) {
            int count = u16(4 + 2 * section);
            for (int i = 0; i < count; i++) {
                int owner = pos;
                pos = skipName(pos, length);
                require(pos, 10, length);
                int type = u16(pos);
                int rdlength = u16(pos + 8);
                int rdata = pos + 10;
                if (rdlength > length - rdata) {
                    throw new MalformedResponseException("truncated record");
                }
                checkData(type, rdata, rdata + rdlength);
                if (section == ANSWER) {
                    int at = answerCount++ * FIELDS;
                    answers[at + OWNER] = owner;
                    answers[at + TYPE] = type;
                    answers[at + CLASS] = u16(pos + 2);
                    answers[at + RDATA] = rdata;
                    answers[at + RDLENGTH] = rdlength;
                } else if (section == ADDITIONAL) {
                    if (type == TYPE_OPT && !optSeen) {
                        optSeen = true;
                        extendedRcode = b[pos + 4] & 0xff; // the TTL's first octet
                    } else if (type == TYPE_TSIG && i != count - 1) {
                        throw new MalformedResponseException(
                                "TSIG is not the last record in the message");
                    }
                }
                pos = rdata + rdlength;
            }
        }
    }

    /** Checks the data of the types this client reads, and of OPT, as dnsjava parses them. */
    private void checkData(int type, int start, int end) throws MalformedResponseException {
        int n = end - start;
        boolean exact =
                switch (type) {
                    case TYPE_A -> n == 4;
                    case TYPE_AAAA -> n == 16;
                    case TYPE_NS, TYPE_CNAME -> skipName(start, end) == end;
                    case TYPE_MX -> n >= 2 && skipName(start + 2, end) == end;
                    case TYPE_SOA -> {
                        int times = skipName(skipName(start, end), end);
                        yield end - times == 20;
                    }
                    case TYPE_TXT -> {
                        int p = start;
                        while (p < end) {
                            p += 1 + (b[p] & 0xff);
                        }
                        yield p == end;
                    }
                    case TYPE_OPT -> {
                        int p = start;
                        while (p < end) {
                            require(p, 4, end);
                            p += 4 + u16(p + 2);
                        }
                        yield p == end;
                    }
                    default -> true;
                };
        if (!exact) {
            throw new MalformedResponseException("record data of type " + type + " is malformed");
        }
    }

    /**
     * Checks the name at {@code pos} and returns where the bytes after it start; labels read in
     * place end at {@code end}, those reached through a pointer at the message's end.
     */
    private int skipName(int pos, int end) throws MalformedResponseException {
        int after = -1;
        int nameLength = 0;
        int p = pos;
        int limit = end;
        while (true) {
            require(p, 1, limit);
            int len = b[p] & 0xff;
            switch (len & 0xc0) {
                case 0x00 -> {
                    nameLength += len + 1;
                    if (nameLength > MAX_NAME) {
                        throw new MalformedResponseException("name longer than 255 octets");
                    }
                    require(p, len + 1, limit);
                    p += len + 1;
                    if (len == 0) {
                        return after < 0 ? p : after;
                    }
                }
                case 0xc0 -> {
                    require(p, 2, limit);
                    int target = ((len & 0x3f) << 8) | (b[p + 1] & 0xff);
                    // only backward: a pointer can then never loop
                    if (target >= p) {
                        throw new MalformedResponseException("bad compression pointer");
                    }
                    if (after < 0) {
                        after = p + 2;
                    }
                    p = target;
                    limit = length;
                }
                default -> throw new MalformedResponseException("bad label type");
            }
        }
    }

    private static void require(int pos, int n, int end) throws MalformedResponseException {
        if (n > end - pos) {
            throw new MalformedResponseException("end of input");
        }
    }

    private int u16(int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    /** The 16-bit ID. */
    int id() {
        return u16(0);
    }

    /** Whether QR is set: a response, not a query. */
    boolean isResponse() {
        return (flags & 0x8000) != 0;
    }

    int opcode() {
        return (flags >>> 11) & 0xf;
    }

    /** Whether TC is set: the server cut the message to fit. */
    boolean truncated() {
        return (flags & 0x0200) != 0;
    }

    /** The RCODE, with the upper bits an OPT record carries (RFC 6891 section 6.1.3). */
    int rcode() {
        return (flags & 0xf) + (extendedRcode << 4);
    }

    /**
     * Whether the first question is {@code type}, class IN, for the name that {@code query} (a
     * query in wire form, its question's name uncompressed at offset 12) asks, in any case.
     */
    boolean asks(byte[] query, int type) {
        return question >= 0
                && questionType == type
                && questionClass == CLASS_IN
                && equalNames(b, question, query, HEADER_LENGTH);
    }

    /** The first question's name (its offset); -1 when there was none. */
    int questionName() {
        return question;
    }

    int answerCount() {
        return answerCount;
    }

    /** The owner name of answer {@code i} (its offset). */
    int answerOwner(int i) {
        return answers[i * FIELDS + OWNER];
    }

    int answerType(int i) {
        return answers[i * FIELDS + TYPE];
    }

    boolean answerIsClassIn(int i) {
        return answers[i * FIELDS + CLASS] == CLASS_IN;
    }

    /** Where answer {@code i}'s data starts. */
    int answerData(int i) {
        return answers[i * FIELDS + RDATA];
    }

    int answerDataLength(int i) {
        return answers[i * FIELDS + RDLENGTH];
    }

    /** The unsigned byte at {@code p}. */
    int u8At(int p) {
        return b[p] & 0xff;
    }

    int u16At(int p) {
        return u16(p);
    }

    long u32At(int p) {
        return ((long) u16(p) << 16) | u16(p + 2);
    }

    /** A copy of {@code n} bytes from {@code p}. */
    byte[] bytesAt(int p, int n) {
        byte[] out = new byte[n];
        System.arraycopy(b, p, out, 0, n);
        return out;
    }

    /** Copies {@code n} bytes from {@code p} into {@code out} at {@code at}. */
    void copyTo(int p, byte[] out, int at, int n) {
        System.arraycopy(b, p, out, at, n);
    }

    /** Where the bytes after the (already checked) name at {@code p} start. */
    int afterName(int p) {
        int q = p;
        while (true) {
            int len = b[q] & 0xff;
            if (len >= 0xc0) {
                return q + 2;
            }
            if (len == 0) {
                return q + 1;
            }
            q += len + 1;
        }
    }

    /** Whether the names at offsets {@code p} and {@code q} are the same name, in any case. */
    boolean sameName(int p, int q) {
        return equalNames(b, p, b, q);
    }

    /**
     * The name at {@code p} as host text: lower case, no trailing dot, "." for the root, and the
     * bytes a zone file escapes escaped as dnsjava prints them ({@code \.}, {@code \032}).
     */
    String host(int p) {
        StringBuilder sb = new StringBuilder(32);
        int q = label(b, p);
        while (true) {
            int len = b[q] & 0xff;
            if (len == 0) {
                return sb.length() == 0 ? "." : sb.toString();
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            for (int i = q + 1; i <= q + len; i++) {
                appendEscaped(sb, b[i] & 0xff);
            }
            q = label(b, q + len + 1);
        }
    }

    private static void appendEscaped(StringBuilder sb, int c) {
        if (c <= 0x20 || c >= 0x7f) {
            sb.append('\\');
            if (c < 100) {
                sb.append('0');
            }
            if (c < 10) {
                sb.append('0');
            }
            sb.append(c);
        } else if (c == '"' || c == '(' || c == ')' || c == '.' || c == ';' || c == '\\' || c == '@'
                || c == '$') {
            sb.append('\\').append((char) c);
        } else if (c >= 'A' && c <= 'Z') {
            sb.append((char) (c + ('a' - 'A')));
        } else {
            sb.append((char) c);
        }
    }

    /** Follows pointers from {@code p} to the next label's length octet. */
    private static int label(byte[] m, int p) {
        int q = p;
        while ((m[q] & 0xc0) == 0xc0) {
            q = ((m[q] & 0x3f) << 8) | (m[q + 1] & 0xff);
        }
        return q;
    }

    /** Compares two checked names label by label, ASCII letters in any case (RFC 4343). */
    private static boolean equalNames(byte[] x, int px, byte[] y, int py) {
        int p = px;
        int q = py;
        while (true) {
            p = label(x, p);
            q = label(y, q);
            int len = x[p] & 0xff;
            if (len != (y[q] & 0xff)) {
                return false;
            }
            if (len == 0) {
                return true;
            }
            for (int i = 1; i <= len; i++) {
                if (lower(x[p + i]) != lower(y[q + i])) {
                    return false;
                }
            }
            p += len + 1;
            q += len + 1;
        }
    }

    private static int lower(byte c) {
        int v = c & 0xff;
        return v >= 'A' && v <= 'Z' ? v + ('a' - 'A') : v;
    }
}
