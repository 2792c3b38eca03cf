/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL connection target parsed from the DSN forms the legacy system used ({@code
 * postgresql://}, {@code postgres://}, {@code postgresql+asyncpg://} and any other {@code +driver})
 * or from a JDBC URL ({@code jdbc:postgresql://}).
 *
 * <p>The password is kept apart from everything that can be printed: {@link #toString()} and every
 * error message show the DSN with the password replaced by {@code ***}.
 */
public final class PostgresDsn {
    private static final int DEFAULT_PORT = 5432;
    private static final String EXPECTED = "expected postgresql://user:password@host:5432/database";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    private PostgresDsn(
            String host,
            int port,
            String database,
            String user,
            String password,
            Map<String, String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a DSN; throws {@link InvalidConfigurationException} naming what is wrong, never the
     * password.
     */
    public static PostgresDsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new InvalidConfigurationException("PostgreSQL DSN is empty (" + EXPECTED + ")");
        }
        String s = dsn.strip();
        String rest;
        boolean jdbc = false;
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has no scheme (" + EXPECTED + ")");
        }
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (scheme.equals("jdbc:postgresql")) {
            jdbc = true;
        } else {
            String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
            if (!base.equals("postgresql") && !base.equals("postgres")) {
                throw new InvalidConfigurationException(
                        "PostgreSQL DSN has unsupported scheme '"
                                + scheme
                                + "' ("
                                + EXPECTED
                                + ", postgresql+asyncpg://... or jdbc:postgresql://...)");
            }
        }
        rest = s.substring(schemeEnd + 3);

        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), "user name");
                password = decode(userInfo.substring(colon + 1), "password");
            } else {
                user = decode(userInfo, "user name");
            }
        }
        String host;
        int port = DEFAULT_PORT;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new InvalidConfigurationException(
                        "PostgreSQL DSN has an unclosed IPv6 host bracket");
            }
            host = rest.substring(0, close + 1);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1));
            } else if (!after.isEmpty()) {
                throw new InvalidConfigurationException(
                        "PostgreSQL DSN has text after the IPv6 host");
            }
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                host = rest.substring(0, colon);
                port = parsePort(rest.substring(colon + 1));
            } else {
                host = rest;
            }
        }
        if (host.isEmpty()) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has no host (" + EXPECTED + ")");
        }
        if (host.contains(",")) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN names several hosts; give one host");
        }
        String database = decode(path, "database name");
        if (database.isEmpty()) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has no database name (" + EXPECTED + ")");
        }

        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name");
                String value =
                        eq >= 0 ? decode(pair.substring(eq + 1), "parameter '" + key + "'") : "";
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    // asyncpg and psycopg spell TLS differently from pgjdbc
                    case "ssl" -> params.put("sslmode", jdbc ? value : sslModeFromAsyncpg(value));
                    case "connect_timeout" -> params.put("connectTimeout", value);
                    default -> params.put(key, value);
                }
            }
        }
        return new PostgresDsn(host, port, database, user, password, params);
    }

    private static String sslModeFromAsyncpg(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "require" -> "require";
            case "false", "0", "disable" -> "disable";
            default -> value;
        };
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has an invalid port '" + text + "' (a number from 1 to 65535)");
        }
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // never echo the text: it may be the password
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has a malformed percent-escape in the " + what);
        }
    }

    /**
     * The JDBC URL: server and database only, the database name percent-encoded. Credentials and
     * {@link #parameters()} are passed as connection properties, never written back into a URL,
     * where a decoded value holding {@code &}, {@code ?} or {@code #} would change its meaning.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://"
                + host
                + ':'
                + port
                + '/'
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** User, password and parameters as pgjdbc connection properties. Never log them. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        p.putAll(parameters);
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The user name, or null when the DSN names none. */
    public String user() {
        return user;
    }

    /** The password, or null. Never log it. */
    public String password() {
        return password;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** A copy of this DSN pointing at another database on the same server. */
    public PostgresDsn withDatabase(String otherDatabase) {
        return new PostgresDsn(host, port, otherDatabase, user, password, parameters);
    }

    /** The DSN in the legacy form with the password masked: safe for logs. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("postgresql://");
        if (user != null) {
            sb.append(user);
            if (password != null) {
                sb.append(":***");
            }
            sb.append('@');
        }
        return sb.append(host).append(':').append(port).append('/').append(database).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresDsn other
                && port == other.port
                && host.equals(other.host)
                && database.equals(other.database)
                && Objects.equals(user, other.user)
                && Objects.equals(password, other.password)
                && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user);
    }
}
