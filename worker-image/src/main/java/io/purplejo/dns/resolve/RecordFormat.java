/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.xbill.DNS.Type;

/**
 * Reads answer records of a {@link WireResponse} into {@link RecordValue}s, whose canonical text is
 * what the legacy tables and the benchmark oracle hold: A dotted quad; AAAA RFC 5952; host names
 * lower-case without trailing dot (the root, as in a null MX, is "."); MX {@code "<preference>
 * <exchange>"}; SOA {@code "mname rname serial refresh retry expire minimum"}; TXT the
 * character-strings joined without separator, bytes untouched.
 */
public final class RecordFormat {
    private RecordFormat() {}

    /** The typed value of answer {@code i}, a record of one of the seven types. */
    static RecordValue value(WireResponse m, int i) {
        int p = m.answerData(i);
        int type = m.answerType(i);
        return switch (type) {
            case Type.A ->
                    new RecordValue.Address(
                            m.u8At(p)
                                    + "."
                                    + m.u8At(p + 1)
                                    + "."
                                    + m.u8At(p + 2)
                                    + "."
                                    + m.u8At(p + 3));
            case Type.AAAA -> new RecordValue.Address(ipv6(m.bytesAt(p, 16)));
            case Type.NS, Type.CNAME -> new RecordValue.Host(m.host(p));
            case Type.MX -> new RecordValue.MailExchange(m.u16At(p), m.host(p + 2));
            case Type.SOA -> {
                int rname = m.afterName(p);
                int times = m.afterName(rname);
                yield new RecordValue.StartOfAuthority(
                        m.host(p),
                        m.host(rname),
                        m.u32At(times),
                        m.u32At(times + 4),
                        m.u32At(times + 8),
                        m.u32At(times + 12),
                        m.u32At(times + 16));
            }
            case Type.TXT -> text(txtBytes(m, p, m.answerDataLength(i)));
            default -> throw new IllegalArgumentException("unsupported record type " + type);
        };
    }

    /** A TXT record's character-strings joined without separator. */
    private static byte[] txtBytes(WireResponse m, int start, int length) {
        int total = 0;
        for (int p = start; p < start + length; p += 1 + m.u8At(p)) {
            total += m.u8At(p);
        }
        byte[] out = new byte[total];
        int at = 0;
        for (int p = start; p < start + length; p += 1 + m.u8At(p)) {
            int n = m.u8At(p);
            m.copyTo(p + 1, out, at, n);
            at += n;
        }
        return out;
    }

    /** A TXT value from its joined character-strings. */
    public static RecordValue.Text text(byte[] bytes) {
        return new RecordValue.Text(bytes, utf8Text(bytes));
    }

    /**
     * The bytes as text when they are valid UTF-8 without NUL (PostgreSQL text can hold it), else
     * null.
     */
    public static String utf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * RFC 5952 text of an IPv6 address (16 bytes, or 4 for an IPv4-mapped one as java.net hands it
     * over): lower case, no leading zeros, the longest zero run as "::", and an IPv4-mapped address
     * with its IPv4 part dotted, "::ffff:192.0.2.1" (section 5). A stored value in the other
     * spelling ("::ffff:c000:201", as older Python printed it) is replaced by the next
     * authoritative answer, not kept beside it.
     */
    public static String ipv6(byte[] address) {
        byte[] a = address;
        if (a.length == 4) {
            // java.net turns an IPv4-mapped IPv6 address (::ffff:a.b.c.d) into an IPv4 one: map it
            // back
            a = new byte[16];
            a[10] = (byte) 0xff;
            a[11] = (byte) 0xff;
            System.arraycopy(address, 0, a, 12, 4);
        }
        if (ipv4Mapped(a)) {
            return "::ffff:"
                    + (a[12] & 0xff)
                    + "."
                    + (a[13] & 0xff)
                    + "."
                    + (a[14] & 0xff)
                    + "."
                    + (a[15] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static boolean ipv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }
}
