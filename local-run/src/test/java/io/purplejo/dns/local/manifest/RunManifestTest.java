/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DomainSelection;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir Path dir;

    static Stream<String> exampleFiles() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files
                    .filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(RunManifestTest::holdsARun)
                    .map(f -> f.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** A run file, not a schedule (the one-machine command runs runs). */
    private static boolean holdsARun(Path f) {
        try {
            return Files.readString(f).contains("kind: DnsExtractionRun\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void everyExampleRunIsAcceptedWithTheCrdsSchemaDefaultsAndRules(String file) {
        DnsExtractionRun run = RunManifest.read(EXAMPLES.resolve(file), "local");

        assertThat(run.getSpec().postgresDsnSecret.name).isEqualTo("extraction-db");
        assertThat(run.getMetadata().getUid())
                .as("each invocation is a run of its own")
                .isNotBlank();
    }

    @Test
    void absentFieldsTakeTheDefaultsOfTheCrdAndTheNamespaceIsTheGivenOne() throws Exception {
        Path file =
                write(
                        """
                apiVersion: dns.purplejo.io/v1alpha1
                kind: DnsExtractionRun
                metadata: {name: small}
                spec:
                  workers: {maxWorkers: 3}
                  postgresDsnSecret: {name: db, key: dsn}
                  rabbitmqUrlSecret: {name: mq, key: url}
                """);

        DnsExtractionRun run = RunManifest.read(file, "local");

        assertThat(run.getMetadata().getNamespace()).isEqualTo("local");
        assertThat(run.getSpec().workers.maxWorkers).isEqualTo(3);
        assertThat(run.getSpec().workers.concurrency).isEqualTo(500);
        assertThat(run.getSpec().selection.mode).isEqualTo(DomainSelection.Mode.NeverExtracted);
        assertThat(run.getSpec().recordTypes).containsExactly(RecordType.values());
        assertThat(run.getSpec().outageToleranceSeconds).isEqualTo(300);
    }

    @Test
    void otherDocumentsOfTheFileSuchAsSecretsAreLeftAlone() {
        DnsExtractionRun run = RunManifest.read(EXAMPLES.resolve("run.yaml"), "local");

        assertThat(run.getMetadata().getName()).isNotBlank();
        assertThat(run.getSpec().workers.maxWorkers).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            /spec/postgresDsnSecret                 | DELETE              | spec.postgresDsnSecret: required
            /spec/workers/maxWorkers                | 0                   | spec.workers.maxWorkers: 0 is less than the minimum 1
            /spec/workers/concurrency               | 1000000             | is more than the maximum 100000
            /spec/recordTypes/0                     | "PTR"               | is not one of
            /spec/recordTypes/1                     | "A"                 | spec.recordTypes: duplicate value "A"
            /spec/selection/mode                    | "Sometimes"         | is not one of
            /spec/resolvers/servers/0               | "dns.example.com"   | does not match
            /spec/resolvers/timeoutSeconds          | 0.001               | is less than the minimum 0.05
            /spec/workerz                           | {}                  | spec.workerz: unknown field
            /spec/rabbitmqUrlSecret/key             | "a key"             | does not match
            /spec/workers/minWorkers                | 9                   | spec.workers: minWorkers must not exceed maxWorkers
            /spec/selection/notExtractedSince       | "2026-01-01T00:00:00Z" | spec.selection: notExtractedSince only goes with mode NotExtractedSince
            /spec/selection/mode                    | "NotExtractedSince" | spec.selection: notExtractedSince is required with mode NotExtractedSince
            /spec/selection/mode                    | "FailuresOf"        | spec.selection: failuresOf (the run whose failures to retry) is required with mode FailuresOf
            /spec/selection/failuresOf              | "nightly"           | spec.selection: failuresOf only goes with mode FailuresOf
            /spec/workers/prefetch                  | "many"              | spec.workers.prefetch: expected an integer, got string 'many'
            """)
    void aRunTheApiServerWouldRefuseIsRefusedWithTheReason(
            String pointer, String value, String error) throws Exception {
        ObjectNode run =
                (ObjectNode) YAML.readTree(Files.readString(EXAMPLES.resolve("minimal.yaml")));
        ((ObjectNode) run.get("spec")).set("recordTypes", YAML.readTree("[A, MX]"));
        ((ObjectNode) run.get("spec")).set("workers", YAML.readTree("{maxWorkers: 8}"));
        ((ObjectNode) run.get("spec")).set("resolvers", YAML.readTree("{servers: ['10.0.0.53']}"));
        ((ObjectNode) run.get("spec")).set("selection", YAML.readTree("{mode: NeverExtracted}"));
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = run.at(parent);
        if (value.equals("DELETE")) {
            ((ObjectNode) container).remove(field);
        } else if (container.isArray()) {
            ((ArrayNode) container).set(Integer.parseInt(field), YAML.readTree(value));
        } else {
            ((ObjectNode) container).set(field, YAML.readTree(value));
        }
        Path file = write(YAML.writeValueAsString(run));

        assertThatThrownBy(() -> RunManifest.read(file, "local"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DnsExtractionRun \"minimal\" is invalid")
                .hasMessageContaining(error);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path file =
                write(
                        """
                apiVersion: dns.purplejo.io/v1alpha1
                kind: DnsExtractionRun
                metadata: {name: broken}
                spec:
                  workers: {maxWorkers: 0, concurrency: 0}
                  rabbitmqUrlSecret: {name: mq, key: url}
                """);

        assertThatThrownBy(() -> RunManifest.read(file, "local"))
                .hasMessageContaining("spec.workers.maxWorkers")
                .hasMessageContaining("spec.workers.concurrency")
                .hasMessageContaining("spec.postgresDsnSecret: required");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x}                                   | holds 0 resources of kind DnsExtractionRun
            apiVersion: dns.purplejo.io/v1beta9\\nkind: DnsExtractionRun\\nmetadata: {name: x}\\nspec: {} | this version of the project reads dns.purplejo.io/v1alpha1
            apiVersion: dns.purplejo.io/v1alpha1\\nkind: DnsExtractionRun\\nmetadata: {name: Not_A_Name}\\nspec: {postgresDsnSecret: {name: a, key: b}, rabbitmqUrlSecret: {name: a, key: b}} | metadata.name: 'Not_A_Name' is not a valid name
            apiVersion: dns.purplejo.io/v1alpha1\\nkind: DnsExtractionRun\\nmetadata: {}\\nspec: {postgresDsnSecret: {name: a, key: b}, rabbitmqUrlSecret: {name: a, key: b}} | metadata.name: required
            'spec: [unclosed'                                                                        | not valid YAML
            """)
    void aFileWithoutOneValidRunIsRefusedSayingWhy(String content, String error) throws Exception {
        Path file = write(content.replace("\\n", "\n"));

        assertThatThrownBy(() -> RunManifest.read(file, "local"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(error);
    }

    @Test
    void aFileWithTwoRunsIsRefused() throws Exception {
        String one = Files.readString(EXAMPLES.resolve("minimal.yaml"));
        Path file = write(one + "\n---\n" + one.replace("name: minimal", "name: second"));

        assertThatThrownBy(() -> RunManifest.read(file, "local"))
                .hasMessageContaining("holds 2 resources")
                .hasMessageContaining("exactly one");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> RunManifest.read(dir.resolve("nope.yaml"), "local"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("nope.yaml: no such file");
    }

    @Test
    void transitionRulesOfTheCrdAreKnownToBeUpdateOnlyAndTheCreateRulesAreThere() {
        List<String> rules =
                RunManifest.schema().getProperties().get("spec").getProperties().values().stream()
                        .filter(p -> p.getXKubernetesValidations() != null)
                        .flatMap(p -> p.getXKubernetesValidations().stream())
                        .map(r -> r.getRule())
                        .toList();

        assertThat(rules).contains("self == oldSelf", "self.minWorkers <= self.maxWorkers");
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "run", ".yaml");
        Files.writeString(file, content);
        return file;
    }
}
