/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod's volumes as host directories bind-mounted into its containers: emptyDir (writable by any
 * user), Secret and ConfigMap keys as files, and projected volumes, the ServiceAccount token among
 * them (from the TokenRequest API, bound to the pod), so that in-cluster clients authenticate as
 * their ServiceAccount and RBAC applies to them.
 */
final class PodVolumes {
    private PodVolumes() {}

    /**
     * Missing Secrets or ConfigMaps: the container waits, as the kubelet's
     * CreateContainerConfigError.
     */
    static final class NotReady extends Exception {
        NotReady(String message) {
            super(message);
        }
    }

    static Map<String, Path> materialize(KubernetesClient client, Pod pod, Path root)
            throws IOException, NotReady, ContainerCommand.Unsupported {
        Map<String, Path> dirs = new HashMap<>();
        String ns = pod.getMetadata().getNamespace();
        for (Volume v :
                pod.getSpec().getVolumes() == null
                        ? List.<Volume>of()
                        : pod.getSpec().getVolumes()) {
            Path dir = root.resolve(v.getName());
            Files.createDirectories(dir);
            if (v.getEmptyDir() != null) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            } else if (v.getSecret() != null) {
                Secret s =
                        client.secrets()
                                .inNamespace(ns)
                                .withName(v.getSecret().getSecretName())
                                .get();
                if (s == null) {
                    throw new NotReady(
                            "secret \"" + v.getSecret().getSecretName() + "\" not found");
                }
                writeKeys(dir, decode(s.getData()), v.getSecret().getItems());
            } else if (v.getConfigMap() != null) {
                ConfigMap cm =
                        client.configMaps()
                                .inNamespace(ns)
                                .withName(v.getConfigMap().getName())
                                .get();
                if (cm == null) {
                    throw new NotReady(
                            "configmap \"" + v.getConfigMap().getName() + "\" not found");
                }
                writeKeys(dir, cm.getData(), v.getConfigMap().getItems());
            } else if (v.getProjected() != null) {
                for (VolumeProjection p : v.getProjected().getSources()) {
                    project(client, pod, dir, p);
                }
            } else {
                throw new ContainerCommand.Unsupported(
                        "volume " + v.getName() + " of this kind is not supported");
            }
            Files.setPosixFilePermissions(
                    dir,
                    PosixFilePermissions.fromString(
                            v.getEmptyDir() != null ? "rwxrwxrwx" : "rwxr-xr-x"));
            dirs.put(v.getName(), dir);
        }
        return dirs;
    }

    private static void project(KubernetesClient client, Pod pod, Path dir, VolumeProjection p)
            throws IOException, NotReady {
        String ns = pod.getMetadata().getNamespace();
        if (p.getServiceAccountToken() != null) {
            var t = p.getServiceAccountToken();
            TokenRequest request =
                    new TokenRequestBuilder()
                            .withNewSpec()
                            .withAudiences(
                                    t.getAudience() == null ? List.of() : List.of(t.getAudience()))
                            .withExpirationSeconds(
                                    t.getExpirationSeconds() == null
                                            ? 3607L
                                            : t.getExpirationSeconds())
                            .withNewBoundObjectRef()
                            .withApiVersion("v1")
                            .withKind("Pod")
                            .withName(pod.getMetadata().getName())
                            .withUid(pod.getMetadata().getUid())
                            .endBoundObjectRef()
                            .endSpec()
                            .build();
            String sa =
                    pod.getSpec().getServiceAccountName() == null
                            ? "default"
                            : pod.getSpec().getServiceAccountName();
            TokenRequest issued =
                    client.serviceAccounts().inNamespace(ns).withName(sa).tokenRequest(request);
            write(dir.resolve(t.getPath()), issued.getStatus().getToken());
        } else if (p.getConfigMap() != null) {
            ConfigMap cm =
                    client.configMaps().inNamespace(ns).withName(p.getConfigMap().getName()).get();
            if (cm == null) {
                throw new NotReady("configmap \"" + p.getConfigMap().getName() + "\" not found");
            }
            writeKeys(dir, cm.getData(), p.getConfigMap().getItems());
        } else if (p.getSecret() != null) {
            Secret s = client.secrets().inNamespace(ns).withName(p.getSecret().getName()).get();
            if (s == null) {
                throw new NotReady("secret \"" + p.getSecret().getName() + "\" not found");
            }
            writeKeys(dir, decode(s.getData()), p.getSecret().getItems());
        } else if (p.getDownwardAPI() != null) {
            for (var item : p.getDownwardAPI().getItems()) {
                write(
                        dir.resolve(item.getPath()),
                        PodEnv.field(pod, item.getFieldRef().getFieldPath()));
            }
        }
    }

    private static Map<String, String> decode(Map<String, String> data) {
        Map<String, String> out = new HashMap<>();
        if (data != null) {
            data.forEach(
                    (k, v) ->
                            out.put(
                                    k,
                                    new String(
                                            Base64.getDecoder().decode(v),
                                            StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static void writeKeys(Path dir, Map<String, String> data, List<KeyToPath> items)
            throws IOException {
        Map<String, String> d = data == null ? Map.of() : data;
        if (items == null || items.isEmpty()) {
            for (var e : d.entrySet()) {
                write(dir.resolve(e.getKey()), e.getValue());
            }
            return;
        }
        for (KeyToPath item : items) {
            if (d.containsKey(item.getKey())) {
                write(dir.resolve(item.getPath()), d.get(item.getKey()));
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
