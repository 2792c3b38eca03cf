/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as the kubelet makes it: the service variables of the API server,
 * envFrom, then env with values from Secrets, ConfigMaps and the downward API resolved through the
 * API.
 */
final class PodEnv {
    private PodEnv() {}

    static Map<String, String> resolve(
            KubernetesClient client,
            Pod pod,
            Container c,
            String podIp,
            String apiHost,
            int apiPort)
            throws PodVolumes.NotReady, ContainerCommand.Unsupported {
        String ns = pod.getMetadata().getNamespace();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUBERNETES_SERVICE_HOST", apiHost);
        env.put("KUBERNETES_SERVICE_PORT", String.valueOf(apiPort));
        env.put("KUBERNETES_SERVICE_PORT_HTTPS", String.valueOf(apiPort));
        for (EnvFromSource from :
                c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getSecretRef() != null) {
                Secret s =
                        client.secrets()
                                .inNamespace(ns)
                                .withName(from.getSecretRef().getName())
                                .get();
                if (s == null) {
                    throw new PodVolumes.NotReady(
                            "secret \"" + from.getSecretRef().getName() + "\" not found");
                }
                decoded(s).forEach((k, v) -> env.put(prefix + k, v));
            } else if (from.getConfigMapRef() != null) {
                ConfigMap cm =
                        client.configMaps()
                                .inNamespace(ns)
                                .withName(from.getConfigMapRef().getName())
                                .get();
                if (cm == null) {
                    throw new PodVolumes.NotReady(
                            "configmap \"" + from.getConfigMapRef().getName() + "\" not found");
                }
                cm.getData().forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar v : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (v.getValueFrom() == null) {
                env.put(v.getName(), v.getValue() == null ? "" : v.getValue());
                continue;
            }
            var from = v.getValueFrom();
            if (from.getSecretKeyRef() != null) {
                var ref = from.getSecretKeyRef();
                Secret s = client.secrets().inNamespace(ns).withName(ref.getName()).get();
                String value = s == null ? null : decoded(s).get(ref.getKey());
                if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                    throw new PodVolumes.NotReady(
                            s == null
                                    ? "secret \"" + ref.getName() + "\" not found"
                                    : "couldn't find key "
                                            + ref.getKey()
                                            + " in Secret "
                                            + ns
                                            + "/"
                                            + ref.getName());
                }
                if (value != null) {
                    env.put(v.getName(), value);
                }
            } else if (from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                ConfigMap cm = client.configMaps().inNamespace(ns).withName(ref.getName()).get();
                String value =
                        cm == null || cm.getData() == null ? null : cm.getData().get(ref.getKey());
                if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                    throw new PodVolumes.NotReady(
                            "configmap \""
                                    + ref.getName()
                                    + "\" or its key "
                                    + ref.getKey()
                                    + " not found");
                }
                if (value != null) {
                    env.put(v.getName(), value);
                }
            } else if (from.getFieldRef() != null) {
                String path = from.getFieldRef().getFieldPath();
                env.put(v.getName(), path.equals("status.podIP") ? podIp : field(pod, path));
            } else {
                throw new ContainerCommand.Unsupported(
                        "env " + v.getName() + ": this valueFrom is not supported");
            }
        }
        return env;
    }

    /** A downward-API field of the pod. */
    static String field(Pod pod, String path) {
        return switch (path) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.hostIP" -> PodNetwork.HOST_IP;
            default -> {
                if (path.startsWith("metadata.labels['")) {
                    yield pod.getMetadata().getLabels().get(path.substring(17, path.length() - 2));
                }
                if (path.startsWith("metadata.annotations['")) {
                    yield pod.getMetadata()
                            .getAnnotations()
                            .get(path.substring(22, path.length() - 2));
                }
                yield "";
            }
        };
    }

    private static Map<String, String> decoded(Secret s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s.getData() != null) {
            s.getData()
                    .forEach(
                            (k, v) ->
                                    out.put(
                                            k,
                                            new String(
                                                    Base64.getDecoder().decode(v),
                                                    StandardCharsets.UTF_8)));
        }
        return out;
    }
}
