/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A running pod's status as the kubelet reports it: phase from the containers' states and the
 * restart policy, conditions, container states with exit codes and restarts, and the pod's IP.
 */
final class PodStatusView {
    private PodStatusView() {}

    /** The status to report for this pod now. */
    static PodStatus of(RunningPod rp) {
        List<ContainerStatus> statuses = new ArrayList<>();
        boolean allReady = !rp.containers.isEmpty();
        boolean anyRunning = false;
        boolean allTerminated = !rp.containers.isEmpty();
        boolean allSucceeded = true;
        for (RunningContainer c : rp.containers) {
            ContainerStatusBuilder b =
                    new ContainerStatusBuilder()
                            .withName(c.spec.getName())
                            .withImage(c.spec.getImage())
                            .withImageID("")
                            .withContainerID("podman://" + c.podmanName)
                            .withRestartCount(c.restarts)
                            .withReady(c.ready)
                            .withStarted("running".equals(c.state));
            switch (c.state) {
                case "running" ->
                        b.withNewState()
                                .withNewRunning()
                                .withStartedAt(c.startedAt)
                                .endRunning()
                                .endState();
                case "terminated" ->
                        b.withNewState()
                                .withNewTerminated()
                                .withExitCode(c.exitCode)
                                .withReason(c.exitCode == 0 ? "Completed" : "Error")
                                .withStartedAt(c.startedAt)
                                .withFinishedAt(c.finishedAt)
                                .endTerminated()
                                .endState();
                default ->
                        b.withNewState()
                                .withNewWaiting()
                                .withReason(c.waitingReason)
                                .withMessage(c.waitingMessage)
                                .endWaiting()
                                .endState();
            }
            statuses.add(b.build());
            allReady &= c.ready;
            anyRunning |= "running".equals(c.state);
            allTerminated &= "terminated".equals(c.state);
            allSucceeded &= "terminated".equals(c.state) && Integer.valueOf(0).equals(c.exitCode);
        }
        String policy =
                rp.pod.getSpec().getRestartPolicy() == null
                        ? "Always"
                        : rp.pod.getSpec().getRestartPolicy();
        String phase = "Pending";
        if (anyRunning) {
            phase = "Running";
        } else if (allTerminated
                && (policy.equals("Never") || (policy.equals("OnFailure") && allSucceeded))) {
            phase = allSucceeded ? "Succeeded" : "Failed";
        } else if (allTerminated || rp.containers.stream().anyMatch(c -> c.restarts > 0)) {
            phase = "Running"; // restarting
        }
        String t = rp.startTime == null ? now() : rp.startTime;
        List<PodCondition> conditions =
                List.of(
                        condition("PodScheduled", true, t), condition("Initialized", true, t),
                        condition("ContainersReady", allReady, t), condition("Ready", allReady, t));
        PodStatus s = new PodStatus();
        s.setPhase(phase);
        s.setConditions(conditions);
        s.setContainerStatuses(statuses);
        s.setHostIP(PodNetwork.HOST_IP);
        s.setHostIPs(List.of(new io.fabric8.kubernetes.api.model.HostIP(PodNetwork.HOST_IP)));
        if (rp.net != null) {
            s.setPodIP(rp.net.podIp());
            s.setPodIPs(List.of(new PodIP(rp.net.podIp())));
        }
        s.setStartTime(t);
        return s;
    }

    private static PodCondition condition(String type, boolean status, String since) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status ? "True" : "False")
                .withLastTransitionTime(since)
                .build();
    }

    /** Now, to the second, as Kubernetes times are written. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
