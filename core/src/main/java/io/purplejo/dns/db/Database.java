/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.purplejo.dns.config.PostgresDsn;
import java.time.Duration;
import javax.sql.DataSource;

/** A pooled connection to the extraction database, opened from a {@link PostgresDsn}. */
public final class Database implements AutoCloseable {
    /** How long a caller waits for a connection before its operation fails as an outage. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private final HikariDataSource pool;
    private final PostgresDsn dsn;

    private Database(HikariDataSource pool, PostgresDsn dsn) {
        this.pool = pool;
        this.dsn = dsn;
    }

    /**
     * Opens a pool of at most {@code maxConnections}. The pool does not fail when the database is
     * down at start: callers decide how long to wait (see {@link #awaitReachable}).
     */
    public static Database open(PostgresDsn dsn, int maxConnections, String applicationName) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(dsn.jdbcUrl());
        if (dsn.user() != null) {
            cfg.setUsername(dsn.user());
        }
        if (dsn.password() != null) {
            cfg.setPassword(dsn.password());
        }
        cfg.setMaximumPoolSize(maxConnections);
        cfg.setMinimumIdle(1);
        cfg.setPoolName(applicationName);
        cfg.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        cfg.setInitializationFailTimeout(-1);
        cfg.addDataSourceProperty("ApplicationName", applicationName);
        // batched inserts become multi-row statements: the biggest single win for bulk writes
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.addDataSourceProperty("tcpKeepAlive", "true");
        // the DSN's own parameters (sslmode, options, ...) last: what the user asked for wins
        dsn.parameters().forEach(cfg::addDataSourceProperty);
        return new Database(new HikariDataSource(cfg), dsn);
    }

    /**
     * Waits until a connection can be made, for at most {@code timeout}; throws {@link
     * DatabaseUnavailableException} naming the server (never the password) when it cannot, and
     * {@link DatabaseRefusedException} at once when the server refuses the credentials or has no
     * such database.
     */
    public void awaitReachable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.sql.SQLException last = null;
        do {
            try (var c = pool.getConnection()) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                DatabaseRefusedException refused =
                        DatabaseRefusedException.from(e, dsn).orElse(null);
                if (refused != null) {
                    throw refused;
                }
                last = e;
            }
        } while (System.nanoTime() < deadline);
        throw new DatabaseUnavailableException(
                "cannot connect to PostgreSQL at "
                        + dsn
                        + " within "
                        + timeout.toSeconds()
                        + " s: "
                        + (last == null ? "connection not valid" : rootMessage(last)),
                last);
    }

    /** The pool's own message ("request timed out") hides why; the driver's cause says it. */
    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    public PostgresDsn dsn() {
        return dsn;
    }

    @Override
    public void close() {
        pool.close();
    }
}
