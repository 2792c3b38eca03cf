/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the {@code DnsExtractionRun} of a YAML file (other documents, such as Secrets, are left
 * alone) and validates it as the API server would on {@code kubectl apply}: the CRD's schema, its
 * defaults and its CEL rules, taken from the very CRD the chart installs. A run that the cluster
 * would refuse is refused here, with every reason at once.
 */
public final class RunManifest {
    static final String CRD_RESOURCE = "crds/dnsextractionruns.dns.purplejo.io-v1.yml";
    private static final String API_VERSION = "dns.purplejo.io/v1alpha1";
    private static final String KIND = "DnsExtractionRun";

    /** A DNS subdomain name (RFC 1123), as Kubernetes requires of object names. */
    private static final Pattern OBJECT_NAME =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JSONSchemaProps SCHEMA = loadSchema();

    private RunManifest() {}

    /**
     * The run of {@code file}, validated and defaulted, with a fresh uid (each invocation is a new
     * run).
     */
    public static DnsExtractionRun read(Path file, String defaultNamespace) {
        List<JsonNode> runs = new ArrayList<>();
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(Files.newBufferedReader(file))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject() && KIND.equals(doc.path("kind").asText())) {
                    runs.add(doc);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException(file + ": no such file");
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidConfigurationException(
                    file + ": not valid YAML: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new InvalidConfigurationException(file + ": cannot be read (" + e + ")");
        }
        if (runs.size() != 1) {
            throw new InvalidConfigurationException(
                    file
                            + ": holds "
                            + runs.size()
                            + " resources of kind "
                            + KIND
                            + "; a local run takes exactly one");
        }
        return validated(file, (ObjectNode) runs.get(0), defaultNamespace);
    }

    private static DnsExtractionRun validated(Path file, ObjectNode doc, String defaultNamespace) {
        String apiVersion = doc.path("apiVersion").asText();
        String name = doc.path("metadata").path("name").asText("");
        String what = file + ": " + KIND + " \"" + name + "\"";
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidConfigurationException(
                    what
                            + ": apiVersion is '"
                            + apiVersion
                            + "'; this version of the"
                            + " project reads "
                            + API_VERSION);
        }
        List<String> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add("metadata.name: required");
        } else if (name.length() > 253 || !OBJECT_NAME.matcher(name).matches()) {
            errors.add(
                    "metadata.name: '"
                            + name
                            + "' is not a valid name (lower-case letters, digits, '-' and '.',"
                            + " starting and ending with a letter or digit, at most 253 characters)");
        }
        ObjectNode body = doc.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata", "status"));
        errors.addAll(SchemaCheck.validate(SCHEMA, body));
        if (errors.isEmpty()) {
            SchemaCheck.applyDefaults(SCHEMA, body);
            errors.addAll(CelRules.violations(SCHEMA, body));
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfigurationException(
                    what + " is invalid:\n  - " + String.join("\n  - ", errors));
        }
        ObjectNode complete = body.deepCopy();
        complete.put("apiVersion", API_VERSION);
        complete.put("kind", KIND);
        complete.set("metadata", doc.path("metadata").deepCopy());
        try {
            DnsExtractionRun run = JSON.treeToValue(complete, DnsExtractionRun.class);
            if (run.getMetadata().getNamespace() == null
                    || run.getMetadata().getNamespace().isBlank()) {
                run.getMetadata().setNamespace(defaultNamespace);
            }
            run.getMetadata().setUid(UUID.randomUUID().toString());
            run.getMetadata().setGeneration(1L);
            // as the API server stamps it: a relative selection counts back from it
            run.getMetadata()
                    .setCreationTimestamp(
                            java.time.Instant.now()
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString());
            return run;
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    what + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    /** The CRD's schema of a run, as packaged with this command. */
    public static JSONSchemaProps schema() {
        return SCHEMA;
    }

    private static JSONSchemaProps loadSchema() {
        try (InputStream in =
                RunManifest.class.getClassLoader().getResourceAsStream(CRD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CRD_RESOURCE + " is missing from the jar");
            }
            CustomResourceDefinition crd = YAML.readValue(in, CustomResourceDefinition.class);
            return crd.getSpec().getVersions().stream()
                    .filter(v -> "v1alpha1".equals(v.getName()))
                    .findFirst()
                    .orElseThrow()
                    .getSchema()
                    .getOpenAPIV3Schema();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
