/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code dns-extraction.jar} as a user runs it: a separate JVM from the built jar. PostgreSQL
 * refuses to run as root, so when the tests run as root the command runs as user nobody, as a
 * user's shell would.
 */
final class LocalCommand {
    static final Path JAR =
            Path.of(System.getProperty("dnsx.jar", "target/dns-extraction.jar")).toAbsolutePath();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final java.util.concurrent.atomic.AtomicInteger OUTPUTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** What the command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private LocalCommand() {}

    /**
     * A directory the command's user owns (the data directory, domain lists and run files go
     * there).
     */
    static Path ownedDirectory(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "local");
        if (ROOT) {
            // the user must be able to reach it through the test's own temporary directory
            Files.setPosixFilePermissions(
                    parent, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
            Files.setPosixFilePermissions(
                    dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    static Process start(Path workDir, String... args) throws IOException {
        return start(workDir, java.util.Map.of(), args);
    }

    /** The command with these environment variables added, as a user's shell would set them. */
    static Process start(Path workDir, java.util.Map<String, String> env, String... args)
            throws IOException {
        return start(workDir, env, commandLine(args));
    }

    /**
     * Runs the command in a pseudo-terminal of this many columns, as a person's terminal; the
     * result's output is what the terminal received, control sequences included.
     */
    static Result runInTerminal(Path workDir, Duration timeout, int columns, String... args)
            throws Exception {
        StringBuilder shell = new StringBuilder("stty cols " + columns + " rows 24; exec");
        for (String word : commandLine(args)) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        Process p =
                start(
                        workDir,
                        java.util.Map.of("TERM", "xterm"),
                        List.of("script", "-qec", shell.toString(), "/dev/null"));
        return finish(p, workDir, timeout);
    }

    /** The command line of dns-extraction.jar with these arguments, as the test's user. */
    private static List<String> commandLine(String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        // a shell that starts a job in the background ignores SIGINT for it, and the command would
        // inherit that: restore it, so that the test's Ctrl-C reaches the command as a terminal's
        // does
        command.addAll(List.of("env", "--default-signal=INT"));
        command.addAll(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(
            Path workDir, java.util.Map<String, String> env, List<String> command)
            throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectOutput(
                                workDir.resolve(
                                                String.format(
                                                        "out-%04d.txt", OUTPUTS.incrementAndGet()))
                                        .toFile());
        pb.environment().put("HOME", workDir.toString());
        pb.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.equals("POSTGRES_DSN")
                                        || k.equals("RABBITMQ_URL")
                                        || k.equals("DNS_RESOLVERS"));
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Path workDir, Duration timeout, String... args) throws Exception {
        Process p = start(workDir, args);
        return finish(p, workDir, timeout);
    }

    /** Runs the command under the POSIX locale, as cron jobs and many containers do. */
    static Result runInPosixLocale(Path workDir, Duration timeout, String... args)
            throws Exception {
        Process p = start(workDir, java.util.Map.of("LANG", "C", "LC_ALL", "C"), args);
        return finish(p, workDir, timeout);
    }

    static Result finish(Process p, Path workDir, Duration timeout) throws Exception {
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("dns-extraction did not end within " + timeout);
        }
        return new Result(
                p.exitValue(), latestOutput(workDir), new String(err, StandardCharsets.UTF_8));
    }

    /** What the most recent command printed so far. */
    static String latestOutput(Path workDir) throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            Path latest =
                    files.filter(f -> f.getFileName().toString().startsWith("out-"))
                            .max(
                                    (a, b) ->
                                            a.getFileName()
                                                    .toString()
                                                    .compareTo(b.getFileName().toString()))
                            .orElseThrow();
            return Files.readString(latest);
        }
    }

    /**
     * Sends a signal, as Ctrl-C (INT) or a service manager (TERM) does; the output stays readable.
     */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }
}
