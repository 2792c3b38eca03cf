/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of what the operator wants a run's Job or Deployment to run, kept in an annotation: when
 * the spec changes, the hash of the object the spec asks for differs from the one in the cluster,
 * and the operator rolls the workers or starts a new publisher attempt. Comparing hashes, not
 * objects, ignores the defaults the API server adds.
 */
public final class TemplateHash {
    public static final String ANNOTATION = "dns.purplejo.io/template-hash";

    private TemplateHash() {}

    public static String of(Object template) {
        try {
            byte[] json = Serialization.asJson(template).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
