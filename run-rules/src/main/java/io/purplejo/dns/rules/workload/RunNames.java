/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The names and labels of what belongs to a run, valid for every valid run name (a DNS subdomain of
 * up to 253 characters): names and label values of at most 63 characters that begin and end with a
 * letter or digit, queue names of at most 255 bytes. A name too long is cut and followed by a hash
 * of the whole name, so that runs sharing a long prefix never collide.
 */
public final class RunNames {
    public static final String APP_LABEL = "app.kubernetes.io/name";
    public static final String RUN_LABEL = "dns.purplejo.io/run";
    public static final String RUN_UID_LABEL = "dns.purplejo.io/run-uid";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    public static final String PUBLISHER = "publisher";
    public static final String WORKER = "worker";

    static final int MAX_LABEL = 63;
    static final int MAX_QUEUE_BYTES = 255;
    static final int MAX_OBJECT_NAME = 253;
    private static final int HASH_CHARS = 8;

    private RunNames() {}

    /**
     * The run as people name it: {@code namespace/name} (a column of its database row, and log
     * lines).
     */
    public static String runKey(DnsExtractionRun run) {
        return runKey(run.getMetadata().getNamespace(), run.getMetadata().getName());
    }

    /** The key of the run of this name in this namespace: {@code dnsx_runs.name}. */
    public static String runKey(String namespace, String name) {
        return namespace + "/" + name;
    }

    /**
     * The run's identity in the database: the resource instance, so that a run created again is a
     * new run.
     */
    public static String runUid(DnsExtractionRun run) {
        return run.getMetadata().getUid();
    }

    /**
     * {@code spec.queueName}, or {@code dnsx.<namespace>.<name>.<uid prefix>}, at most 255 bytes.
     */
    public static String queue(DnsExtractionRun run) {
        String q = run.getSpec() == null ? null : run.getSpec().queueName;
        if (q != null && !q.isBlank()) {
            return q;
        }
        String uid = run.getMetadata().getUid() == null ? "" : run.getMetadata().getUid();
        String tail = "." + uid.substring(0, Math.min(HASH_CHARS, uid.length()));
        String head = "dnsx." + run.getMetadata().getNamespace() + ".";
        String name = run.getMetadata().getName();
        int room = MAX_QUEUE_BYTES - head.length() - tail.length();
        return head
                + (name.length() <= room
                        ? name
                        : cut(name, room - HASH_CHARS - 1) + "-" + hash(name))
                + tail;
    }

    /** The Job of the publisher's attempt {@code attempt} (1, 2, ...). */
    public static String publisherJob(DnsExtractionRun run, int attempt) {
        return fit(run.getMetadata().getName(), "-publisher-" + attempt, MAX_LABEL);
    }

    public static String workerDeployment(DnsExtractionRun run) {
        return fit(run.getMetadata().getName(), "-workers", MAX_LABEL);
    }

    /** The run's name as a label value. */
    public static String runLabel(DnsExtractionRun run) {
        return fit(run.getMetadata().getName(), "", MAX_LABEL);
    }

    /**
     * The name of the event of this key on the run: one object per distinct event, whose count
     * grows.
     */
    public static String eventName(DnsExtractionRun run, String key) {
        return fit(run.getMetadata().getName(), "." + hash(key, 2 * HASH_CHARS), MAX_OBJECT_NAME);
    }

    public static Map<String, String> labels(DnsExtractionRun run, String component) {
        return Map.of(
                APP_LABEL,
                "dns-extraction",
                RUN_LABEL,
                runLabel(run),
                RUN_UID_LABEL,
                runUid(run),
                COMPONENT_LABEL,
                component);
    }

    /** Selects the run's pods of a component (by uid: names may be cut, uids never collide). */
    public static Map<String, String> selector(DnsExtractionRun run, String component) {
        return Map.of(RUN_UID_LABEL, runUid(run), COMPONENT_LABEL, component);
    }

    /**
     * {@code base + suffix} when it fits in {@code max}; otherwise base cut so that a hash of the
     * whole base and the suffix fit, never ending on '-' or '.' before the hash.
     */
    static String fit(String base, String suffix, int max) {
        if (base.length() + suffix.length() <= max) {
            return base + suffix;
        }
        return cut(base, max - suffix.length() - HASH_CHARS - 1) + "-" + hash(base) + suffix;
    }

    private static String cut(String s, int length) {
        String c = s.substring(0, Math.max(0, Math.min(length, s.length())));
        int end = c.length();
        while (end > 0 && !Character.isLetterOrDigit(c.charAt(end - 1))) {
            end--;
        }
        return c.substring(0, end);
    }

    static String hash(String s) {
        return hash(s, HASH_CHARS);
    }

    /** The first {@code chars} hex digits of the SHA-256 of {@code s}. */
    private static String hash(String s, int chars) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
