/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TemplateHashTest {
    /**
     * The hashes of {@link #fixedRun()}'s objects. An operator upgrade that changes them rolls the
     * workers and replaces the publisher of every active run once: change them only on purpose, and
     * say so in the upgrade notes.
     */
    static final String WORKERS_HASH = "318bfe73fdb00d57";

    static final String PUBLISHER_HASH = "19877e436eec0694";

    private static final String MARKER = "template hashes: ";

    static DnsExtractionRun fixedRun() {
        DnsExtractionRun run = PublisherJobBuilderTest.run();
        run.getSpec().workers.concurrency = 700;
        run.getSpec().resolvers.servers = List.of("192.0.2.53", "192.0.2.54:5353");
        return run;
    }

    static String workersHash() {
        Deployment d =
                WorkerDeploymentBuilder.build(fixedRun(), PublisherJobBuilderTest.SETTINGS, 2);
        return TemplateHash.current(d);
    }

    static String publisherHash() {
        Job j = PublisherJobBuilder.build(fixedRun(), PublisherJobBuilderTest.SETTINGS, 1);
        return TemplateHash.current(j);
    }

    /** Prints the fixed run's hashes, for {@link #theHashOfAFixedRunIsTheSameInEveryFreshJvm}. */
    public static void main(String[] args) {
        System.out.println(MARKER + workersHash() + " " + publisherHash());
    }

    @Test
    void theHashOfAFixedRunIsTheRecordedOne() {
        assertThat(workersHash()).isEqualTo(WORKERS_HASH);
        assertThat(publisherHash()).isEqualTo(PUBLISHER_HASH);
    }

    @Test
    void theHashOfAFixedRunIsTheSameInEveryFreshJvm() throws Exception {
        // Map.of's iteration order is salted per JVM start: an operator restart is a new JVM.
        List<String> seen = new ArrayList<>();
        for (int jvm = 0; jvm < 4; jvm++) {
            seen.add(hashesInAFreshJvm());
        }
        assertThat(seen).containsOnly(WORKERS_HASH + " " + PUBLISHER_HASH);
    }

    @Test
    void keyOrderDoesNotChangeTheHashButValuesAndListOrderDo() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(TemplateHash.of(Map.of("labels", ab)))
                .isEqualTo(TemplateHash.of(Map.of("labels", ba)))
                .isEqualTo(TemplateHash.of(Map.of("labels", new TreeMap<>(ba))))
                .isNotEqualTo(TemplateHash.of(Map.of("labels", Map.of("a", "1", "b", "3"))));
        assertThat(TemplateHash.of(List.of("x", "y")))
                .isNotEqualTo(TemplateHash.of(List.of("y", "x")));
    }

    private static String hashesInAFreshJvm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p =
                new ProcessBuilder(
                                java.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                TemplateHashTest.class.getName())
                        .redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("the printing JVM's exit code").isZero();
        // logging may print to standard output too
        return out.lines()
                .filter(l -> l.startsWith(MARKER))
                .map(l -> l.substring(MARKER.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hashes printed:\n" + out));
    }
}
