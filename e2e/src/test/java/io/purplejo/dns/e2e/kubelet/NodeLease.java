/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's Node as the control plane sees it: registered Ready with its capacity, its status
 * and lease renewed on every heartbeat, so that the scheduler binds pods to it and the node
 * controller never evicts them.
 */
final class NodeLease {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLease.class);

    private final KubernetesClient client;
    private final String nodeName;

    NodeLease(KubernetesClient client, String nodeName) {
        this.client = client;
        this.nodeName = nodeName;
    }

    /** Creates or updates the Node. */
    void register() {
        Node node =
                new NodeBuilder()
                        .withNewMetadata()
                        .withName(nodeName)
                        .addToLabels("kubernetes.io/hostname", nodeName)
                        .addToLabels("kubernetes.io/os", "linux")
                        .addToLabels("kubernetes.io/arch", "amd64")
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build();
        client.nodes().resource(node).createOr(n -> n.update());
    }

    /** Reports the Node Ready and renews its lease. */
    void heartbeat() {
        try {
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            client.nodes()
                    .withName(nodeName)
                    .editStatus(
                            n -> {
                                n.setStatus(
                                        new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                                                .addToCapacity("cpu", new Quantity("16"))
                                                .addToCapacity("memory", new Quantity("24Gi"))
                                                .addToCapacity("pods", new Quantity("110"))
                                                .addToAllocatable("cpu", new Quantity("16"))
                                                .addToAllocatable("memory", new Quantity("24Gi"))
                                                .addToAllocatable("pods", new Quantity("110"))
                                                .addNewCondition()
                                                .withType("Ready")
                                                .withStatus("True")
                                                .withReason("KubeletReady")
                                                .withMessage("e2e pod runner is ready")
                                                .withLastHeartbeatTime(now)
                                                .withLastTransitionTime(now)
                                                .endCondition()
                                                .addNewAddress()
                                                .withType("InternalIP")
                                                .withAddress(PodNetwork.HOST_IP)
                                                .endAddress()
                                                .addNewAddress()
                                                .withType("Hostname")
                                                .withAddress(nodeName)
                                                .endAddress()
                                                .withNewNodeInfo()
                                                .withKubeletVersion("v1.34.4-e2e")
                                                .withContainerRuntimeVersion("podman://4")
                                                .withOperatingSystem("linux")
                                                .withArchitecture("amd64")
                                                .withOsImage("e2e")
                                                .withKernelVersion("")
                                                .withKubeProxyVersion("")
                                                .withBootID("")
                                                .withMachineID("")
                                                .withSystemUUID("")
                                                .endNodeInfo()
                                                .build());
                                return n;
                            });
            Lease lease =
                    new LeaseBuilder()
                            .withNewMetadata()
                            .withName(nodeName)
                            .withNamespace("kube-node-lease")
                            .endMetadata()
                            .withNewSpec()
                            .withHolderIdentity(nodeName)
                            .withLeaseDurationSeconds(40)
                            .withRenewTime(ZonedDateTime.now(java.time.ZoneOffset.UTC))
                            .endSpec()
                            .build();
            client.leases()
                    .inNamespace("kube-node-lease")
                    .resource(lease)
                    .createOr(l -> l.update());
        } catch (KubernetesClientException e) {
            LOG.warn("node heartbeat: {}", e.getMessage());
        }
    }

    /** Removes the Node. */
    void remove() {
        try {
            client.nodes().withName(nodeName).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("removing node: {}", e.getMessage());
        }
    }
}
