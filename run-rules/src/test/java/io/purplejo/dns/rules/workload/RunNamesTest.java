/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunNamesTest {
    /**
     * A DNS-1123 label: what Job names (their pods carry them as a label), Deployments and label
     * values need.
     */
    static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    /** A label value may also hold dots and underscores. */
    static final Pattern LABEL_VALUE =
            Pattern.compile("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");

    static final Pattern SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");
    static final String NAMESPACE = "n".repeat(63);

    static DnsExtractionRun run(String name, String uid) {
        DnsExtractionRun r = new DnsExtractionRun();
        r.setMetadata(
                new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .withUid(uid)
                        .build());
        r.setSpec(new DnsExtractionRunSpec());
        return r;
    }

    /**
     * Every length a run name can have, in three shapes: plain, with dots, and with a dash where
     * names are cut.
     */
    static Stream<String> names() {
        return IntStream.rangeClosed(1, 253)
                .boxed()
                .flatMap(
                        n ->
                                Stream.of(
                                        "a".repeat(n),
                                        n < 3
                                                ? "b".repeat(n)
                                                : "c" + "x.y".repeat(n).substring(0, n - 2) + "z",
                                        n < 3 ? "d".repeat(n) : "e" + "-".repeat(n - 2) + "f"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyGeneratedNameAndLabelIsValidForEveryValidRunName(String name) {
        assertThat(SUBDOMAIN.matcher(name).matches()).as("a valid run name").isTrue();
        DnsExtractionRun run = run(name, "0f3c9a7e-1b2d-4c5e-8f90-123456789abc");

        for (int attempt : new int[] {1, 9, 20, 999}) {
            String job = RunNames.publisherJob(run, attempt);
            assertThat(job)
                    .hasSizeLessThanOrEqualTo(63)
                    .matches(
                            s ->
                                    SUBDOMAIN.matcher(s).matches()
                                            && !s.contains(".-")
                                            && !s.contains("-."),
                            "a DNS subdomain");
            assertThat(job).endsWith("-publisher-" + attempt);
        }
        assertThat(RunNames.workerDeployment(run))
                .hasSizeLessThanOrEqualTo(63)
                .endsWith("-workers")
                .matches(s -> SUBDOMAIN.matcher(s).matches(), "a DNS subdomain");
        assertThat(RunNames.runLabel(run))
                .hasSizeLessThanOrEqualTo(63)
                .matches(s -> LABEL_VALUE.matcher(s).matches(), "a label value");
        RunNames.labels(run, RunNames.WORKER)
                .values()
                .forEach(
                        v ->
                                assertThat(v)
                                        .hasSizeLessThanOrEqualTo(63)
                                        .matches(s -> LABEL_VALUE.matcher(s).matches(), "label"));
        assertThat(RunNames.queue(run).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
        assertThat(RunNames.eventName(run, "k"))
                .hasSizeLessThanOrEqualTo(253)
                .matches(s -> SUBDOMAIN.matcher(s).matches(), "a DNS subdomain");
    }

    @ParameterizedTest
    @MethodSource("prefixLengths")
    void runsSharingALongPrefixNeverShareANameOrQueue(int prefix) {
        String common = "p".repeat(prefix);
        List<DnsExtractionRun> runs =
                List.of(
                        run(common + "a", "11111111-0000-0000-0000-000000000000"),
                        run(common + "b", "22222222-0000-0000-0000-000000000000"),
                        run(common, "33333333-0000-0000-0000-000000000000"));
        Set<String> jobs = new HashSet<>();
        Set<String> deployments = new HashSet<>();
        Set<String> labels = new HashSet<>();
        Set<String> queues = new HashSet<>();
        for (DnsExtractionRun r : runs) {
            jobs.add(RunNames.publisherJob(r, 1));
            deployments.add(RunNames.workerDeployment(r));
            labels.add(RunNames.runLabel(r));
            queues.add(RunNames.queue(r));
        }
        assertThat(jobs).hasSize(3);
        assertThat(deployments).hasSize(3);
        assertThat(labels).hasSize(3);
        assertThat(queues).hasSize(3);
    }

    static IntStream prefixLengths() {
        return IntStream.of(1, 40, 50, 54, 55, 56, 62, 63, 64, 100, 200, 252);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aRunCreatedAgainUnderTheSameNameGetsAnotherDefaultQueue(String name) {
        String first = RunNames.queue(run(name, "aaaaaaaa-0000-0000-0000-000000000000"));
        String second = RunNames.queue(run(name, "bbbbbbbb-0000-0000-0000-000000000000"));

        assertThat(first).isNotEqualTo(second).startsWith("dnsx." + NAMESPACE + ".");
    }
}
