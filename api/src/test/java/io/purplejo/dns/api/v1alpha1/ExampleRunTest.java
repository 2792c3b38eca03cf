package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExampleRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JSONSchemaProps schema() throws Exception {
        try (FileInputStream in = new FileInputStream(Path.of("..", "crds", CrdFileTest.FILE).toFile())) {
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
        }
    }

    static JsonNode exampleRun() throws Exception {
        String all = Files.readString(Path.of("..", "examples", "run.yaml"));
        for (String doc : all.split("(?m)^---$")) {
            if (doc.contains("kind: DnsExtractionRun")) {
                return JSON.valueToTree(Serialization.unmarshal(doc, Object.class));
            }
        }
        throw new AssertionError("examples/run.yaml has no DnsExtractionRun");
    }

    /** Every example file's runs. */
    static java.util.stream.Stream<String> exampleFiles() throws Exception {
        try (var files = Files.list(Path.of("..", "examples"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("exampleFiles")
    void everyExampleIsValidAgainstTheGeneratedSchemaAndReadsAsARun(String file) throws Exception {
        String all = Files.readString(Path.of("..", "examples", file));
        int runs = 0;
        for (String doc : all.split("(?m)^---$")) {
            if (!doc.contains("kind: DnsExtractionRun")) {
                continue;
            }
            runs++;
            JsonNode run = JSON.valueToTree(Serialization.unmarshal(doc, Object.class));
            ObjectNode body = run.deepCopy();
            body.remove(List.of("apiVersion", "kind", "metadata"));
            assertThat(SchemaValidator.validate(schema(), body)).as(file).isEmpty();
            DnsExtractionRun parsed = JSON.treeToValue(run, DnsExtractionRun.class);
            assertThat(parsed.getSpec().postgresDsnSecret.name).isEqualTo("extraction-db");
        }
        assertThat(runs).as("%s holds a DnsExtractionRun", file).isPositive();
    }

    @Test
    void theExampleRunIsValidAgainstTheGeneratedSchema() throws Exception {
        JsonNode run = exampleRun();
        ObjectNode body = ((ObjectNode) run.deepCopy());
        body.remove(List.of("apiVersion", "kind", "metadata"));

        assertThat(SchemaValidator.validate(schema(), body)).isEmpty();
        DnsExtractionRun parsed = JSON.treeToValue(run, DnsExtractionRun.class);
        assertThat(parsed.getSpec().postgresDsnSecret.name).isEqualTo("extraction-db");
        assertThat(parsed.getSpec().workers.maxWorkers).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /spec/postgresDsnSecret                 | DELETE       | .spec.postgresDsnSecret: required
            /spec/workers/maxWorkers                | 0            | .spec.workers.maxWorkers: 0 is less than 1.0
            /spec/workers/concurrency               | 1000000      | is more than 100000
            /spec/recordTypes/0                     | "PTR"        | is not one of
            /spec/selection/mode                    | "Sometimes"  | is not one of
            /spec/resolvers/servers/0               | "dns.example.com" | does not match
            /spec/resolvers/timeoutSeconds          | 0.001        | is less than 0.05
            /spec/workerz                           | {}           | .spec.workerz: unknown field
            /spec/rabbitmqUrlSecret/key             | "a key"      | does not match
            """)
    void brokenSpecsAreRejectedByTheSchema(String pointer, String value, String error) throws Exception {
        ObjectNode run = (ObjectNode) exampleRun().deepCopy();
        run.remove(List.of("apiVersion", "kind", "metadata"));
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = run.at(parent);
        if (value.equals("DELETE")) {
            ((ObjectNode) container).remove(field);
        } else if (container.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) container).set(Integer.parseInt(field), JSON.readTree(value));
        } else {
            ((ObjectNode) container).set(field, JSON.readTree(value));
        }

        List<String> errors = new ArrayList<>(SchemaValidator.validate(schema(), run));

        assertThat(errors).anySatisfy(e -> assertThat(e).contains(error));
    }

    @Test
    void selectionAndRecordTypesAreImmutableAndTheCrossFieldRulesAreInTheSchema() throws Exception {
        JSONSchemaProps spec = schema().getProperties().get("spec");

        assertThat(spec.getProperties().get("selection").getXKubernetesValidations())
                .anySatisfy(r -> {
                    assertThat(r.getRule()).isEqualTo("self == oldSelf");
                    assertThat(r.getMessage()).contains("selection cannot change after the run starts");
                })
                .anySatisfy(r -> assertThat(r.getMessage()).contains("notExtractedSince is required"));
        assertThat(spec.getProperties().get("recordTypes").getXKubernetesValidations())
                .anySatisfy(r -> assertThat(r.getRule()).isEqualTo("self == oldSelf"));
        assertThat(spec.getProperties().get("workers").getXKubernetesValidations())
                .anySatisfy(r -> assertThat(r.getRule()).isEqualTo("self.minWorkers <= self.maxWorkers"));
        assertThat(spec.getRequired()).contains("postgresDsnSecret", "rabbitmqUrlSecret");
    }
}
