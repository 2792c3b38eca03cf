/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.PodOptions;
import io.purplejo.dns.api.v1alpha1.RabbitmqTlsSpec;
import io.purplejo.dns.config.AmqpTrust;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every pod of a run shares: placement from {@code spec.pods}, resources that are never
 * BestEffort, a writable /tmp on a read-only root, and the RabbitMQ CA bundle mounted from its
 * Secret.
 */
final class PodPlacement {
    static final String TMP_VOLUME = "tmp";
    static final String CA_VOLUME = "rabbitmq-ca";
    static final String CA_DIR = "/etc/dnsx/rabbitmq-ca";
    static final String CA_FILE = "ca.pem";

    private PodPlacement() {}

    /**
     * Applies {@code spec.pods} to a pod template; the operator's own labels win over the user's.
     */
    static void apply(DnsExtractionRun run, PodTemplateSpec template) {
        PodOptions o = run.getSpec().pods;
        if (o == null) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(o.labels);
        labels.putAll(template.getMetadata().getLabels());
        template.getMetadata().setLabels(labels);
        Map<String, String> annotations = new LinkedHashMap<>(o.annotations);
        if (template.getMetadata().getAnnotations() != null) {
            annotations.putAll(template.getMetadata().getAnnotations());
        }
        template.getMetadata().setAnnotations(annotations);
        var spec = template.getSpec();
        if (!o.imagePullSecrets.isEmpty()) {
            spec.setImagePullSecrets(o.imagePullSecrets);
        }
        if (!o.nodeSelector.isEmpty()) {
            spec.setNodeSelector(o.nodeSelector);
        }
        if (!o.tolerations.isEmpty()) {
            spec.setTolerations(o.tolerations);
        }
        spec.setAffinity(o.affinity);
        spec.setPriorityClassName(o.priorityClassName);
    }

    /**
     * The spec's resources, or requests and a memory limit sized for the component's default heap.
     */
    static ResourceRequirements resources(
            ResourceRequirements fromSpec, String cpu, String memory, String memoryLimit) {
        if (fromSpec != null) {
            return fromSpec;
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .addToLimits("memory", new Quantity(memoryLimit))
                .build();
    }

    static List<Volume> volumes(DnsExtractionRun run) {
        List<Volume> v = new ArrayList<>();
        v.add(
                new VolumeBuilder()
                        .withName(TMP_VOLUME)
                        .withNewEmptyDir()
                        .withSizeLimit(new Quantity("256Mi"))
                        .endEmptyDir()
                        .build());
        RabbitmqTlsSpec tls = run.getSpec().rabbitmqTls;
        if (caFromSecret(tls)) {
            v.add(
                    new VolumeBuilder()
                            .withName(CA_VOLUME)
                            .withNewSecret()
                            .withSecretName(tls.caSecret.name)
                            .addNewItem()
                            .withKey(tls.caSecret.key)
                            .withPath(CA_FILE)
                            .endItem()
                            .endSecret()
                            .build());
        }
        return v;
    }

    static List<VolumeMount> mounts(DnsExtractionRun run) {
        List<VolumeMount> m = new ArrayList<>();
        m.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
        if (caFromSecret(run.getSpec().rabbitmqTls)) {
            m.add(
                    new VolumeMountBuilder()
                            .withName(CA_VOLUME)
                            .withMountPath(CA_DIR)
                            .withReadOnly(true)
                            .build());
        }
        return m;
    }

    /** RABBITMQ_CA_FILE or RABBITMQ_TLS_INSECURE, as {@code spec.rabbitmqTls} says. */
    static List<EnvVar> tlsEnv(DnsExtractionRun run) {
        RabbitmqTlsSpec tls = run.getSpec().rabbitmqTls;
        List<EnvVar> env = new ArrayList<>();
        if (tls != null && Boolean.TRUE.equals(tls.insecureSkipVerify)) {
            env.add(PodEnv.plain(AmqpTrust.INSECURE.envVar(), "true"));
        } else if (caFromSecret(tls)) {
            env.add(PodEnv.plain(AmqpTrust.CA_FILE.envVar(), CA_DIR + "/" + CA_FILE));
        }
        return env;
    }

    private static boolean caFromSecret(RabbitmqTlsSpec tls) {
        return tls != null && !Boolean.TRUE.equals(tls.insecureSkipVerify) && tls.caSecret != null;
    }
}
