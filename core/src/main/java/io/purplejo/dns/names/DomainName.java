/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A domain name as the system stores and queries it: {@link #stored()} is the lower-case form
 * without a trailing dot, as the legacy {@code domains.name} column holds it (Unicode kept for
 * internationalised names), and {@link #ascii()} is the punycode form that goes on the wire.
 */
public final class DomainName {
    /**
     * Longest name in presentation form without the trailing dot (RFC 1035: 255 octets on the
     * wire).
     */
    public static final int MAX_NAME_LENGTH = 253;

    public static final int MAX_LABEL_LENGTH = 63;

    private final String stored;
    private final String ascii;

    private DomainName(String stored, String ascii) {
        this.stored = stored;
        this.ascii = ascii;
    }

    /** The outcome of normalising a raw name: a valid name, or the reason it is invalid. */
    public record Parsed(DomainName name, String invalidReason) {
        public boolean valid() {
            return name != null;
        }
    }

    /** Normalises a raw name; never throws. */
    public static Parsed parse(String raw) {
        if (raw == null) {
            return invalid("empty name");
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return invalid("empty name");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return invalid("contains a space");
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return invalid("contains a control character");
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.isEmpty()) {
            return invalid("empty name");
        }
        String ascii;
        if (isAscii(lower)) {
            ascii = lower;
        } else {
            try {
                // USE_STD3_ASCII_RULES is off: underscores (_dmarc, _domainkey) are legitimate DNS
                // labels
                ascii = IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return invalid("not a valid internationalised name");
            }
        }
        String problem = checkAscii(ascii);
        if (problem != null) {
            return invalid(problem);
        }
        return new Parsed(new DomainName(lower, ascii), null);
    }

    /** Normalises a name known to be valid; throws {@link IllegalArgumentException} otherwise. */
    public static DomainName of(String raw) {
        Parsed p = parse(raw);
        if (!p.valid()) {
            throw new IllegalArgumentException("invalid domain name: " + p.invalidReason());
        }
        return p.name();
    }

    private static Parsed invalid(String reason) {
        return new Parsed(null, reason);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String checkAscii(String ascii) {
        if (ascii.length() > MAX_NAME_LENGTH) {
            return "name longer than " + MAX_NAME_LENGTH + " characters";
        }
        int labelStart = 0;
        for (int i = 0; i <= ascii.length(); i++) {
            if (i == ascii.length() || ascii.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0) {
                    return "empty label";
                }
                if (len > MAX_LABEL_LENGTH) {
                    return "label longer than " + MAX_LABEL_LENGTH + " bytes";
                }
                labelStart = i + 1;
                continue;
            }
            char c = ascii.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return "character '" + c + "' is not allowed in a host name";
            }
        }
        return null;
    }

    /** Lower-case, no trailing dot; Unicode for internationalised names. */
    public String stored() {
        return stored;
    }

    /** Lower-case punycode without trailing dot: what is sent to resolvers. */
    public String ascii() {
        return ascii;
    }

    /**
     * The other spelling of an internationalised name (Unicode for a punycode one), if it has one.
     */
    public Optional<String> alternateSpelling() {
        if (!stored.equals(ascii)) {
            return Optional.of(ascii);
        }
        if (ascii.contains("xn--")) {
            String unicode = IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (!unicode.equals(ascii)) {
                return Optional.of(unicode);
            }
        }
        return Optional.empty();
    }

    /** The length of the stored form in UTF-8 bytes. */
    public int storedBytes() {
        return stored.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName other && ascii.equals(other.ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return stored;
    }
}
