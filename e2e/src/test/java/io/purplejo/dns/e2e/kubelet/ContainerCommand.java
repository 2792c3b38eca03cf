/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code podman run} of one container of a pod, from its spec: image, command, args,
 * environment, mounts, the security context as podman flags, and memory and CPU limits. Pure: the
 * pod runner does the I/O. What a restricted pod asks for maps one to one; what podman cannot do
 * here (privileged containers, host namespaces) is refused with the reason.
 */
final class ContainerCommand {
    private ContainerCommand() {}

    /** A pod spec this runner does not run, with the reason the pod's status shows. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    static List<String> podmanRun(
            Pod pod,
            Container c,
            String name,
            String netnsPath,
            Map<String, String> env,
            Map<String, Path> volumeDirs,
            Path logFile,
            int nofile)
            throws Unsupported {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "podman",
                                "run",
                                "-d",
                                "--name",
                                name,
                                "--runtime",
                                "runc",
                                "--pull=never",
                                "--network",
                                "ns:" + netnsPath,
                                "--ulimit",
                                "nofile=" + nofile + ":" + nofile,
                                "--ulimit",
                                "nproc=4096:4096",
                                "--log-driver",
                                "k8s-file",
                                "--log-opt",
                                "path=" + logFile,
                                "--hostname",
                                pod.getMetadata().getName()));
        if (Boolean.TRUE.equals(pod.getSpec().getHostNetwork())
                || Boolean.TRUE.equals(pod.getSpec().getHostPID())) {
            throw new Unsupported("host namespaces are not supported by the e2e pod runner");
        }
        security(pod.getSpec().getSecurityContext(), c.getSecurityContext(), a);
        limits(c, a);
        env.forEach((k, v) -> a.addAll(List.of("--env", k + "=" + v)));
        for (VolumeMount m :
                c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
            Path dir = volumeDirs.get(m.getName());
            if (dir == null) {
                throw new Unsupported("volume " + m.getName() + " is not defined or not supported");
            }
            Path source =
                    m.getSubPath() == null || m.getSubPath().isEmpty()
                            ? dir
                            : dir.resolve(m.getSubPath());
            a.addAll(
                    List.of(
                            "--volume",
                            source
                                    + ":"
                                    + m.getMountPath()
                                    + (Boolean.TRUE.equals(m.getReadOnly()) ? ":ro" : ":rw")));
        }
        if (c.getCommand() != null && !c.getCommand().isEmpty()) {
            a.add("--entrypoint=" + json(c.getCommand()));
        }
        a.add(c.getImage());
        if (c.getArgs() != null) {
            a.addAll(c.getArgs());
        }
        return a;
    }

    private static void security(PodSecurityContext pod, SecurityContext c, List<String> a)
            throws Unsupported {
        Long user =
                c != null && c.getRunAsUser() != null
                        ? c.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
        Long group =
                c != null && c.getRunAsGroup() != null
                        ? c.getRunAsGroup()
                        : pod == null ? null : pod.getRunAsGroup();
        boolean nonRoot =
                Boolean.TRUE.equals(
                        (c != null && c.getRunAsNonRoot() != null)
                                ? c.getRunAsNonRoot()
                                : pod == null ? null : pod.getRunAsNonRoot());
        if (c != null && Boolean.TRUE.equals(c.getPrivileged())) {
            throw new Unsupported("privileged containers are not supported by the e2e pod runner");
        }
        if (nonRoot && user != null && user == 0) {
            throw new Unsupported("container's runAsUser breaks non-root policy");
        }
        if (user != null) {
            a.addAll(List.of("--user", user + (group != null ? ":" + group : "")));
        }
        if (pod != null && pod.getFsGroup() != null) {
            a.addAll(List.of("--group-add", String.valueOf(pod.getFsGroup())));
        }
        if (c == null) {
            return;
        }
        if (Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            a.add("--read-only");
        }
        if (Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            a.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        if (c.getCapabilities() != null) {
            for (String cap :
                    c.getCapabilities().getDrop() == null
                            ? List.<String>of()
                            : c.getCapabilities().getDrop()) {
                a.addAll(List.of("--cap-drop", cap));
            }
            for (String cap :
                    c.getCapabilities().getAdd() == null
                            ? List.<String>of()
                            : c.getCapabilities().getAdd()) {
                a.addAll(List.of("--cap-add", cap));
            }
        }
    }

    private static void limits(Container c, List<String> a) {
        if (c.getResources() == null || c.getResources().getLimits() == null) {
            return;
        }
        Quantity memory = c.getResources().getLimits().get("memory");
        if (memory != null) {
            a.addAll(
                    List.of(
                            "--memory",
                            Quantity.getAmountInBytes(memory).toBigInteger().toString()));
        }
        Quantity cpu = c.getResources().getLimits().get("cpu");
        if (cpu != null) {
            a.addAll(List.of("--cpus", Quantity.getAmountInBytes(cpu).toPlainString()));
        }
    }

    private static String json(List<String> words) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            sb.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append(']').toString();
    }
}
