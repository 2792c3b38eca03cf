/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.PostgresDsn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL (binaries from Maven Central, unpacked once) whose data directory survives
 * between runs, listening on 127.0.0.1 only, and only for its owner: a generated password, kept in
 * the data directory readable by the owner alone, for every connection ({@link
 * EmbeddedAuthentication}). PostgreSQL itself refuses to run as root, so this does too, with a
 * message saying what to do instead.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final EmbeddedAuthentication authentication;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedAuthentication authentication) {
        this.postgres = postgres;
        this.authentication = authentication;
    }

    /**
     * Starts PostgreSQL on {@code dataDir/postgres} (created on first use) on {@code port}; 0 for
     * the port this data directory used before, else a free one, kept so that its DSN stays the
     * same from run to run.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            throw new InvalidConfigurationException(
                    "the embedded PostgreSQL cannot run as root (PostgreSQL refuses"
                            + " to): run as a normal user, or pass --postgres-dsn to use a PostgreSQL of yours");
        }
        Path data = dataDir.resolve("postgres");
        try {
            Files.createDirectories(EmbeddedBinaries.directory(dataDir));
            EmbeddedBinaries.removeUnfinished(dataDir);
            EmbeddedAuthentication auth = EmbeddedAuthentication.of(dataDir);
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setOverrideWorkingDirectory(
                                    EmbeddedBinaries.directory(dataDir).toFile())
                            // the results are kept and queried later: durable writes, unlike a test
                            // database's defaults
                            .setServerConfig("fsync", "on")
                            .setServerConfig("full_page_writes", "on")
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig(
                                    "unix_socket_directories", auth.socketDirectory().toString())
                            .setServerConfig("unix_socket_permissions", "0700")
                            .setServerConfig("password_encryption", "scram-sha-256")
                            .setConnectConfig("password", auth.password())
                            .setDataDirectoryCustomizer(dir -> auth.apply(dir.toPath()))
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setOutputRedirector(
                                    ProcessBuilder.Redirect.appendTo(
                                            dataDir.resolve("postgres.log").toFile()))
                            .setErrorRedirector(
                                    ProcessBuilder.Redirect.appendTo(
                                            dataDir.resolve("postgres.log").toFile()));
            int chosen = port > 0 ? port : DataDirectoryPort.of(dataDir);
            builder.setPort(chosen);
            EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), auth);
            DataDirectoryPort.keep(dataDir, chosen);
            auth.writePgpass(db.port());
            return db;
        } catch (IOException | RuntimeException e) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Backend.DATABASE,
                    "the embedded PostgreSQL did not start on "
                            + data
                            + ": "
                            + e.getMessage()
                            + " (its log: "
                            + dataDir.resolve("postgres.log")
                            + "; is another dns-extraction using"
                            + " this --data-dir?)",
                    e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The DSN of the embedded database, its password included (printed masked). */
    public PostgresDsn dsn() {
        return PostgresDsn.parse(dsnText());
    }

    /** The DSN with its password: for connecting, never for printing. */
    public String dsnText() {
        return "postgresql://"
                + USER
                + ":"
                + authentication.password()
                + "@127.0.0.1:"
                + port()
                + "/"
                + DATABASE;
    }

    /** The DSN without the password, for people: the password is in {@link #pgpassFile()}. */
    public String publicDsn() {
        return "postgresql://" + USER + "@127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A pgpass file (readable by its owner only) that gives psql the password. */
    public Path pgpassFile() {
        return authentication.pgpassFile();
    }

    /** How to connect with psql: the password from the pgpass file, never on a command line. */
    public String psqlCommand() {
        return "PGPASSFILE=" + pgpassFile() + " psql '" + publicDsn() + "'";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Backend.DATABASE,
                    "the embedded PostgreSQL did not stop cleanly: " + e.getMessage(),
                    e);
        }
    }
}
