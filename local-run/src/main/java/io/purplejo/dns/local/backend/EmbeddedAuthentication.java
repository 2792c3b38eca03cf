/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who may connect to the embedded PostgreSQL: its owner, with a password. initdb (as the embedded
 * library runs it) trusts every local connection, so any other user of the machine could connect as
 * superuser and run programs as this user (COPY ... TO PROGRAM). Instead: a generated password set
 * before the server first listens (in single-user mode), kept in the data directory readable by its
 * owner only; scram-sha-256 for every connection, TCP and socket; the socket in a directory only
 * its owner can enter.
 */
final class EmbeddedAuthentication {
    static final String PASSWORD_FILE = "postgres-password";
    static final String PGPASS_FILE = "pgpass";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");

    /** Longest socket path PostgreSQL accepts (sun_path less room for ".s.PGSQL.65535"). */
    private static final int MAX_SOCKET_DIRECTORY = 90;

    private static final String HBA =
            """
            # Written by dns-extraction at every start: a password for every connection.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private final Path dataDir;
    private final String password;
    private final boolean fresh;

    private EmbeddedAuthentication(Path dataDir, String password, boolean fresh) {
        this.dataDir = dataDir;
        this.password = password;
        this.fresh = fresh;
    }

    /** The data directory's password, or a new one when it has none yet (set by {@link #apply}). */
    static EmbeddedAuthentication of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return new EmbeddedAuthentication(dataDir, Files.readString(file).strip(), false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new EmbeddedAuthentication(dataDir, generated, true);
    }

    String password() {
        return password;
    }

    Path passwordFile() {
        return dataDir.resolve(PASSWORD_FILE);
    }

    Path pgpassFile() {
        return dataDir.resolve(PGPASS_FILE);
    }

    /**
     * The socket directory: in the data directory, entered by its owner only; a private temporary
     * one where that path would be too long for a socket.
     */
    Path socketDirectory() throws IOException {
        Path dir = dataDir.resolve("postgres-socket").toAbsolutePath();
        if (dir.toString().length() > MAX_SOCKET_DIRECTORY) {
            return Files.createTempDirectory(
                    "dnsx-pg-", PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        return dir;
    }

    /**
     * Called with the PostgreSQL data directory after initdb and before the server starts: sets the
     * password the first time (the server is not listening yet), then writes pg_hba.conf.
     */
    void apply(Path pgData) {
        try {
            if (fresh) {
                setPassword(pgData);
                writeOwnerOnly(passwordFile(), password + "\n");
            }
            Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pgpass file for psql and libpq tools: the password stays out of command lines. */
    void writePgpass(int port) throws IOException {
        writeOwnerOnly(
                pgpassFile(),
                "127.0.0.1:" + port + ":*:" + EmbeddedDatabase.USER + ":" + password + "\n");
    }

    /** ALTER ROLE in single-user mode: no connection is possible while it runs. */
    private void setPassword(Path pgData) throws IOException {
        Path postgres = postgresBinary();
        Process p =
                new ProcessBuilder(
                                postgres.toString(),
                                "--single",
                                "-D",
                                pgData.toString(),
                                EmbeddedDatabase.DATABASE)
                        .redirectErrorStream(true)
                        .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(
                    ("ALTER ROLE " + EmbeddedDatabase.USER + " PASSWORD '" + password + "';\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = p.getInputStream()) {
            out.transferTo(output);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(
                        "could not set the embedded PostgreSQL's password (postgres --single): "
                                + output.toString(StandardCharsets.UTF_8).replace(password, "***"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the embedded PostgreSQL's password");
        }
    }

    /** The server binary the embedded library unpacked (its directory has the ".exists" mark). */
    private Path postgresBinary() throws IOException {
        Path binaries = EmbeddedBinaries.directory(dataDir);
        try (Stream<Path> dirs = Files.list(binaries)) {
            List<Path> ready =
                    dirs.filter(d -> Files.exists(d.resolve(EmbeddedBinaries.READY_MARK)))
                            .map(d -> d.resolve("bin").resolve("postgres"))
                            .filter(Files::isExecutable)
                            .toList();
            if (ready.isEmpty()) {
                throw new IOException("no unpacked PostgreSQL binaries in " + binaries);
            }
            return ready.get(0);
        }
    }

    /** Written whole, readable by its owner only from the moment it exists. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp =
                Files.createTempFile(
                        file.getParent(),
                        "." + file.getFileName(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
