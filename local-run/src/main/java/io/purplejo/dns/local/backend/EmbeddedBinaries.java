/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.backend;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL binaries the embedded library unpacks into the data directory on first use. An
 * unpack interrupted (Ctrl-C in the first seconds) leaves a directory without the library's ready
 * mark, on which every later unpack fails (its links already exist): such a directory is removed
 * before the next start, when no other process is unpacking into it.
 */
final class EmbeddedBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBinaries.class);

    /** The file the embedded library writes once a directory is completely unpacked. */
    static final String READY_MARK = ".exists";

    /** The lock file the embedded library holds while it unpacks into a directory. */
    static final String UNPACK_LOCK = "epg-lock";

    private EmbeddedBinaries() {}

    static Path directory(Path dataDir) {
        return dataDir.resolve("postgres-binaries");
    }

    /** Whether a complete unpack is there (a directory with the library's ready mark). */
    static boolean unpacked(Path dataDir) {
        Path binaries = directory(dataDir);
        if (!Files.isDirectory(binaries)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(binaries)) {
            return dirs.anyMatch(
                    d ->
                            d.getFileName().toString().startsWith("PG-")
                                    && Files.exists(d.resolve(READY_MARK)));
        } catch (IOException e) {
            return false; // then the start says what is wrong
        }
    }

    /** Removes the unpack directories that were never finished; returns those removed. */
    static List<Path> removeUnfinished(Path dataDir) throws IOException {
        Path binaries = directory(dataDir);
        if (!Files.isDirectory(binaries)) {
            return List.of();
        }
        List<Path> unfinished;
        try (Stream<Path> dirs = Files.list(binaries)) {
            unfinished =
                    dirs.filter(Files::isDirectory)
                            .filter(d -> d.getFileName().toString().startsWith("PG-"))
                            .filter(d -> !Files.exists(d.resolve(READY_MARK)))
                            .toList();
        }
        List<Path> removed = new java.util.ArrayList<>();
        for (Path dir : unfinished) {
            Path lockFile = dir.resolve(UNPACK_LOCK);
            try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw");
                    FileChannel channel = raf.getChannel();
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    continue; // another process is unpacking there now
                }
                LOG.warn(
                        "removing {}: an unpack of the PostgreSQL binaries that did not finish",
                        dir);
                deleteTree(dir);
                removed.add(dir);
            }
        }
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
