/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL connection target read (by {@link ServerUrl}) from the DSN forms the legacy system
 * used ({@code postgresql://}, {@code postgres://}, {@code postgresql+asyncpg://} and any other
 * {@code +driver}) or from a JDBC URL ({@code jdbc:postgresql://}).
 *
 * <p>The password is kept apart from everything that can be printed: {@link #toString()} and every
 * error message show the DSN with the password replaced by {@code ***}.
 */
public final class PostgresDsn {
    private static final int DEFAULT_PORT = 5432;
    private static final String WHAT = "PostgreSQL DSN";
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
        String s = dsn == null ? "" : dsn.strip();
        boolean jdbc = s.regionMatches(true, 0, "jdbc:", 0, 5);
        ServerUrl url = ServerUrl.parse(jdbc ? s.substring(5) : s, WHAT, EXPECTED);
        String scheme = url.scheme();
        String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        if ((!base.equals("postgresql") && !base.equals("postgres"))
                || (jdbc && !base.equals(scheme))) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has unsupported scheme '"
                            + (jdbc ? "jdbc:" : "")
                            + scheme
                            + "' ("
                            + EXPECTED
                            + ", postgresql+asyncpg://... or jdbc:postgresql://...)");
        }
        String path = url.rawPath().startsWith("/") ? url.rawPath().substring(1) : url.rawPath();
        String database = ServerUrl.decode(path, WHAT, "database name");
        if (database.isEmpty()) {
            throw new InvalidConfigurationException(
                    "PostgreSQL DSN has no database name (" + EXPECTED + ")");
        }
        String user = url.user();
        String password = url.password();
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : url.query().entrySet()) {
            String value = e.getValue();
            switch (e.getKey()) {
                case "user" -> user = value;
                case "password" -> password = value;
                // asyncpg and psycopg spell TLS differently from pgjdbc
                case "ssl" -> params.put("sslmode", jdbc ? value : sslModeFromAsyncpg(value));
                case "connect_timeout" -> params.put("connectTimeout", value);
                default -> params.put(e.getKey(), value);
            }
        }
        return new PostgresDsn(
                url.host(), url.port(DEFAULT_PORT), database, user, password, params);
    }

    private static String sslModeFromAsyncpg(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "require" -> "require";
            case "false", "0", "disable" -> "disable";
            default -> value;
        };
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
