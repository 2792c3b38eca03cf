/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * A domain name as the system stores and queries it: {@link #stored()} is the lower-case form
 * without a trailing dot, as the legacy {@code domains.name} column holds it, and {@link #ascii()}
 * is the punycode form that goes on the wire. An internationalised name is stored in Unicode
 * whichever way it was written ({@code bücher.de}, {@code XN--BCHER-KVA.DE.}): both spellings are
 * one domain, equal here and stored once.
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
            String deviation = deviationIn(lower);
            if (deviation != null) {
                return invalid(
                        "contains "
                                + deviation
                                + ", which IDNA 2003 (Java's) and IDNA 2008 map to different names;"
                                + " give the name in its xn-- form");
            }
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
        return new Parsed(new DomainName(unicodeOf(ascii), ascii), null);
    }

    /**
     * The stored form of a checked ASCII name: its Unicode form when it has {@code xn--} labels
     * that decode (labels that do not are kept as written), so that both spellings store alike.
     */
    private static String unicodeOf(String ascii) {
        if (!ascii.contains("xn--")) {
            return ascii;
        }
        return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    /**
     * The first character that IDNA 2003 maps away while IDNA 2008 keeps it (UTS #46's deviation
     * characters), described; null when there is none. Java's {@link IDN} is IDNA 2003: it would
     * send {@code straße.de} as {@code strasse.de}, another domain, and store its records under the
     * first.
     */
    private static String deviationIn(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\u00df') {
                return "'\u00df' (sharp s)";
            }
            if (c == '\u03c2') {
                return "'\u03c2' (final sigma)";
            }
        }
        return null;
    }

    /**
     * Whether a {@code domains.name} as stored and a name as a message or a user wrote it are the
     * same domain: equal as written, or both valid and equal in any spelling or case.
     */
    public static boolean sameDomain(String storedName, String writtenName) {
        if (storedName == null || writtenName == null) {
            return false;
        }
        if (storedName.equals(writtenName)) {
            return true;
        }
        Parsed a = parse(storedName);
        Parsed b = parse(writtenName);
        return a.valid() && b.valid() && a.name().equals(b.name());
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
     * The other spelling of an internationalised name (its {@code xn--} form), if it has one: rows
     * a legacy system stored in that form are the same domain.
     */
    public Optional<String> alternateSpelling() {
        return stored.equals(ascii) ? Optional.empty() : Optional.of(ascii);
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
