/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A hash of what the operator wants a run's Job or Deployment to run, kept in an annotation: when
 * the spec changes, the hash of the object the spec asks for differs from the one in the cluster,
 * and the operator rolls the workers or starts a new publisher attempt. Comparing hashes, not
 * objects, ignores the defaults the API server adds.
 *
 * <p>The hash is taken over a canonical form (object keys sorted at every level), because the
 * builders' maps (labels, annotations) iterate in an order that changes from one JVM start to the
 * next: a hash of their plain JSON made every operator restart look like a spec change.
 */
public final class TemplateHash {
    public static final String ANNOTATION = "dns.purplejo.io/template-hash";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateHash() {}

    public static String of(Object template) {
        try {
            JsonNode tree = JSON.readTree(Serialization.asJson(template));
            byte[] json = JSON.writeValueAsBytes(canonical(tree));
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fabric8 wrote JSON that Jackson cannot read", e);
        }
    }

    /** The same tree with every object's keys in sorted order; array order is meaningful, kept. */
    static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = JSON.createObjectNode();
            fields.forEach(f -> sorted.set(f.getKey(), canonical(f.getValue())));
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(e -> copy.add(canonical(e)));
            return copy;
        }
        return node;
    }

    /** The hash an object in the cluster was made from, or null. */
    public static String current(HasMetadata object) {
        var a = object.getMetadata().getAnnotations();
        return a == null ? null : a.get(ANNOTATION);
    }

    /** Whether the object in the cluster was made from the same template as {@code desired}. */
    public static boolean same(HasMetadata inCluster, HasMetadata desired) {
        String c = current(inCluster);
        return c != null && c.equals(current(desired));
    }
}
