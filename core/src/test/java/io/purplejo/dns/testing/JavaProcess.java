/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test class path as a JVM of its own, as an image would run it. */
public final class JavaProcess {
    private JavaProcess() {}

    /**
     * Starts {@code mainClass} with {@code args}; its standard output and error both go to {@code
     * output}. {@code jvmOptions} come before the class path (a heap limit, for example).
     */
    public static Process start(
            String mainClass,
            List<String> args,
            ProcessBuilder.Redirect output,
            String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass, e);
        }
    }
}
