/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.publisher.PublisherMain;
import io.purplejo.dns.rules.phase.PublisherState;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The run's publisher, as the Job runs it: the publisher command with the run's settings, in a
 * thread of this process. Its state is read the way the operator reads its Job's: running,
 * succeeded, or failed with an exit code and the line it printed.
 */
final class PublisherThread {
    private final Thread thread;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private volatile Integer exitCode;

    PublisherThread(Map<String, String> env) {
        thread =
                new Thread(
                        () -> {
                            PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
                            PrintStream out =
                                    new PrintStream(
                                            OutputStream.nullOutputStream(),
                                            true,
                                            StandardCharsets.UTF_8);
                            try {
                                exitCode = PublisherMain.run(List.of(), env, out, err);
                            } catch (RuntimeException e) {
                                err.println("dns-publisher: unexpected error: " + e);
                                throw e;
                            }
                        },
                        "publisher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    PublisherState state() {
        Integer code = exitCode;
        if (code == null) {
            // ended without an exit code: it died of an unexpected error
            return thread.getState() == Thread.State.TERMINATED
                    ? PublisherState.FAILED
                    : PublisherState.ACTIVE;
        }
        return code == 0 ? PublisherState.SUCCEEDED : PublisherState.FAILED;
    }

    /** The exit code, or null while it runs. */
    Integer exitCode() {
        return exitCode;
    }

    /** What the publisher printed when it failed (its one line saying why). */
    String failure() {
        return errors.toString(StandardCharsets.UTF_8).strip();
    }

    /** Interrupts a running publisher (it keeps its checkpoint) and waits for it to end. */
    void stop() throws InterruptedException {
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(30_000);
        }
    }
}
