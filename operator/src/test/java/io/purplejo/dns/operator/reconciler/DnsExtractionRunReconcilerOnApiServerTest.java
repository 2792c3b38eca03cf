/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.testing.ControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's scenarios on the real kube-apiserver (schema, CEL, defaults, status subresource,
 * generation, garbage collector), the CRD installed by {@code kubectl apply --server-side}. Jobs
 * and Deployments are played as on the mock server: there is no kubelet.
 */
@ExtendWith(ControlPlane.class)
class DnsExtractionRunReconcilerOnApiServerTest extends ReconcilerScenarios {
    private KubernetesClient real;

    @Override
    KubernetesClient kubernetes() {
        real = ControlPlane.client();
        return real;
    }

    @Override
    void installCrd() {
        // installed once for the run by ControlPlane, with the real kubectl
    }

    @Override
    boolean validatesSchema() {
        return true;
    }

    @AfterEach
    void closeClient() {
        real.close();
    }
}
