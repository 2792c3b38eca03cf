/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database on the test PostgreSQL server (127.0.0.1:5432 unless {@code
 * DNSX_TEST_POSTGRES_DSN} says otherwise), dropped on close, so tests never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String SERVER_DSN =
            System.getenv()
                    .getOrDefault(
                            "DNSX_TEST_POSTGRES_DSN",
                            "postgresql://postgres@127.0.0.1:5432/postgres");

    private final PostgresDsn dsn;
    private Database database;

    private TestDatabase(PostgresDsn dsn) {
        this.dsn = dsn;
    }

    public static TestDatabase create() {
        PostgresDsn server = PostgresDsn.parse(SERVER_DSN);
        String name =
                "dnsx_test_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT);
        try (Connection c = connect(server);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server, e);
        }
        return new TestDatabase(server.withDatabase(name));
    }

    private static Connection connect(PostgresDsn dsn) throws SQLException {
        return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
    }

    public PostgresDsn dsn() {
        return dsn;
    }

    /** The DSN in the legacy URL form, as a user would pass it on the command line. */
    public String dsnText() {
        return "postgresql://"
                + (dsn.user() == null ? "" : dsn.user() + "@")
                + dsn.host()
                + ":"
                + dsn.port()
                + "/"
                + dsn.database();
    }

    /** A pooled connection to this database, opened on first use and closed with it. */
    public synchronized Database database() {
        if (database == null) {
            database = Database.open(dsn, 8, "dnsx-test");
        }
        return database;
    }

    /** A plain JDBC connection for assertions. */
    public Connection connection() throws SQLException {
        return connect(dsn);
    }

    /** Runs SQL statements (no parameters) for setting up fixtures. */
    public void execute(String sql) {
        try (Connection c = connection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, as a long. */
    public long queryLong(String sql) {
        try (Connection c = connection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row of a query, as strings. */
    public java.util.List<String> queryStrings(String sql) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = connection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        try (Connection c = connect(PostgresDsn.parse(SERVER_DSN));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dsn.database() + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + dsn.database(), e);
        }
    }
}
