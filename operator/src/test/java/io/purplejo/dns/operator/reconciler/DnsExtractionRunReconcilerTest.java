/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.FileInputStream;
import java.nio.file.Path;

/**
 * The operator's scenarios on fabric8's mock API server (CRUD: no schema validation, no
 * controllers).
 */
@EnableKubernetesMockClient(crud = true)
class DnsExtractionRunReconcilerTest extends ReconcilerScenarios {
    KubernetesClient mockClient;

    @Override
    KubernetesClient kubernetes() {
        return mockClient;
    }

    @Override
    void installCrd() throws Exception {
        for (String file :
                new String[] {
                    "dnsextractionruns.dns.purplejo.io-v1.yml",
                    "dnsextractionschedules.dns.purplejo.io-v1.yml"
                }) {
            try (FileInputStream crd = new FileInputStream(Path.of("..", "crds", file).toFile())) {
                mockClient.apiextensions().v1().customResourceDefinitions().load(crd).create();
            }
        }
    }

    @Override
    boolean validatesSchema() {
        return false;
    }
}
