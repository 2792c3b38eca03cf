/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.PostgresDsn;
import java.nio.file.Path;

/**
 * The PostgreSQL and the broker a local run uses: the ones given, or embedded ones started here
 * (the database's data kept in the data directory). Closing stops what was started here and nothing
 * else.
 */
public final class Backends implements AutoCloseable {
    private final String dsnText;
    private final String urlText;
    private final PostgresDsn dsn;
    private final AmqpUri uri;
    private final EmbeddedDatabase embeddedDatabase;
    private final EmbeddedBroker embeddedBroker;

    private Backends(String dsnText, String urlText, EmbeddedDatabase db, EmbeddedBroker broker) {
        this.dsnText = dsnText;
        this.urlText = urlText;
        this.dsn = PostgresDsn.parse(dsnText);
        this.uri = AmqpUri.parse(urlText);
        this.embeddedDatabase = db;
        this.embeddedBroker = broker;
    }

    /**
     * The given DSN and URL where set (null: embedded; its PostgreSQL on {@code port}, 0 for the
     * data directory's). The embedded database is started first, so that a data directory in use by
     * another process is refused before anything else happens.
     */
    public static Backends open(String givenDsn, String givenUrl, Path dataDir, int port) {
        if (givenDsn != null) {
            PostgresDsn.parse(givenDsn); // refuse a malformed DSN before starting anything
        }
        if (givenUrl != null) {
            AmqpUri.parse(givenUrl);
        }
        EmbeddedDatabase db = givenDsn == null ? EmbeddedDatabase.start(dataDir, port) : null;
        EmbeddedBroker broker = null;
        try {
            broker = givenUrl == null ? EmbeddedBroker.start(dataDir.resolve("broker")) : null;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e;
        }
        return new Backends(
                db != null ? db.dsnText() : givenDsn,
                broker != null ? broker.urlText() : givenUrl,
                db,
                broker);
    }

    /**
     * Whether the embedded PostgreSQL's binaries are unpacked in this data directory already: if
     * not, its first start spends several seconds unpacking them, which the person is told.
     */
    public static boolean embeddedDatabaseUnpacked(Path dataDir) {
        return EmbeddedBinaries.unpacked(dataDir);
    }

    /** The DSN, password included: for the commands, never for printing (print {@link #dsn()}). */
    public String dsnText() {
        return dsnText;
    }

    public PostgresDsn dsn() {
        return dsn;
    }

    /**
     * The broker URL, password included: for the commands, never for printing (print {@link
     * #uri()}).
     */
    public String urlText() {
        return urlText;
    }

    public AmqpUri uri() {
        return uri;
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase != null;
    }

    public boolean embeddedBroker() {
        return embeddedBroker != null;
    }

    /** How psql connects to the embedded database (the password from its pgpass file). */
    public String psqlCommand() {
        return embeddedDatabase.psqlCommand();
    }

    /**
     * Makes the run's queue ready where the broker needs it made here (see {@link
     * EmbeddedBroker#declareWorkQueue}).
     */
    public void prepareQueue(String queue) {
        if (embeddedBroker != null) {
            embeddedBroker.declareWorkQueue(queue);
        }
    }

    @Override
    public void close() {
        try {
            if (embeddedBroker != null) {
                embeddedBroker.close();
            }
        } finally {
            if (embeddedDatabase != null) {
                embeddedDatabase.close();
            }
        }
    }
}
