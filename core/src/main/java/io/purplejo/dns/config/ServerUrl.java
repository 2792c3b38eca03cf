/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A server URL ({@code scheme://user:password@host:port/path?query}) read by {@link URI}, for the
 * PostgreSQL DSN and the AMQP URI. Two leniencies of the legacy Python clients are kept: characters
 * that a URI does not allow raw in the user information (an {@code @} in a password, a space) are
 * escaped before {@link URI} reads it, and a host name with an underscore (a Compose service name)
 * is accepted. No error message holds the password.
 */
final class ServerUrl {
    private final URI uri;
    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> query;

    private ServerUrl(
            URI uri,
            String user,
            String password,
            String host,
            int port,
            String path,
            Map<String, String> query) {
        this.uri = uri;
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
    }

    /**
     * Reads {@code text}; {@code what} names the URL in errors ("PostgreSQL DSN"), {@code expected}
     * shows its form.
     */
    static ServerUrl parse(String text, String what, String expected) {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigurationException(what + " is empty (" + expected + ")");
        }
        String s = text.strip();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd <= 0) {
            throw new InvalidConfigurationException(what + " has no scheme (" + expected + ")");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(s, "/?#", authorityStart);
        int at = s.lastIndexOf('@', authorityEnd - 1);
        String escaped = s;
        if (at >= authorityStart) {
            escaped =
                    s.substring(0, authorityStart)
                            + escapeUserInfo(s.substring(authorityStart, at))
                            + s.substring(at);
        }
        URI uri;
        try {
            uri = new URI(escaped);
        } catch (URISyntaxException e) {
            // never e.getMessage(): it quotes the whole URL, password included
            throw new InvalidConfigurationException(
                    what + " is malformed: " + problemAt(escaped, e.getIndex()));
        }
        String host = uri.getHost();
        int port = uri.getPort();
        String info = uri.getRawUserInfo();
        if (host == null && uri.getRawAuthority() != null) {
            // URI reads "db_1:5432" as a registry name; the legacy clients read it as a host
            String authority = uri.getRawAuthority();
            int userEnd = authority.lastIndexOf('@');
            info = userEnd >= 0 ? authority.substring(0, userEnd) : null;
            String hostPort = authority.substring(userEnd + 1);
            if (hostPort.contains(",")) {
                throw new InvalidConfigurationException(
                        what + " names several hosts; give one host");
            }
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? parsePort(hostPort.substring(colon + 1), what) : -1;
            if (!host.isEmpty() && !host.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidConfigurationException(what + " has an invalid host name");
            }
        }
        if (host == null || host.isEmpty()) {
            throw new InvalidConfigurationException(what + " has no host (" + expected + ")");
        }
        String user = null;
        String password = null;
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info, what, "user name");
            password = colon >= 0 ? decode(info.substring(colon + 1), what, "password") : null;
        }
        if (port == 0 || port > 65_535) {
            throw new InvalidConfigurationException(
                    what + " has an invalid port '" + port + "' (a number from 1 to 65535)");
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new ServerUrl(
                uri, user, password, host, port, rawPath, query(uri.getRawQuery(), what));
    }

    /** The URL as {@link URI} read it, with the user information escaped. Holds the password. */
    URI uri() {
        return uri;
    }

    String scheme() {
        return scheme;
    }

    /** The decoded user name, or null. */
    String user() {
        return user;
    }

    /** The decoded password, or null. Never log it. */
    String password() {
        return password;
    }

    /** The host; an IPv6 address in brackets. */
    String host() {
        return host;
    }

    /** The port, or {@code dflt} when the URL gives none. */
    int port(int dflt) {
        return port < 0 ? dflt : port;
    }

    /** The path as written (still percent-encoded), "" when there is none. */
    String rawPath() {
        return path;
    }

    /** The query parameters, decoded, in order. */
    Map<String, String> query() {
        return query;
    }

    /** Decodes one percent-encoded part; a {@code +} stays a plus, as in the legacy clients. */
    static String decode(String text, String what, String part) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    what + " has a malformed percent-escape in the " + part);
        }
    }

    private static Map<String, String> query(String raw, String what) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, what, "parameter name");
            params.put(
                    key,
                    eq >= 0 ? decode(pair.substring(eq + 1), what, "parameter '" + key + "'") : "");
        }
        return params;
    }

    private static int parsePort(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    what + " has an invalid port '" + text + "' (a number from 1 to 65535)");
        }
    }

    /**
     * Escapes every character a URI's user information may not hold raw, keeping what is already
     * escaped: a raw {@code @} or space in a password stays part of it.
     */
    private static String escapeUserInfo(String info) {
        StringBuilder sb = new StringBuilder(info.length());
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            if (isAllowedInUserInfo(c)) {
                sb.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < info.length() ? i + 2 : i + 1;
                for (byte b : info.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
                i = end - 1;
            }
        }
        return sb.toString();
    }

    private static boolean isAllowedInUserInfo(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:%".indexOf(c) >= 0;
    }

    /** Names the part of the URL that {@link URI} refused, without quoting it. */
    private static String problemAt(String url, int index) {
        int schemeEnd = url.indexOf("://");
        int authorityEnd = indexOfAny(url, "/?#", schemeEnd + 3);
        int at = url.lastIndexOf('@', authorityEnd - 1);
        String part;
        if (index < 0 || index < schemeEnd) {
            part = "scheme";
        } else if (at > schemeEnd && index < at) {
            int colon = url.indexOf(':', schemeEnd + 3);
            part = colon >= 0 && colon < at && index > colon ? "password" : "user name";
        } else if (index < authorityEnd) {
            part = "host or port";
        } else if (url.indexOf('?') >= 0 && index > url.indexOf('?')) {
            part = "parameters";
        } else {
            part = "path";
        }
        boolean escape = index >= 0 && index < url.length() && url.charAt(index) == '%';
        return (escape ? "a malformed percent-escape in the " : "a character not allowed in the ")
                + part;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
