/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.resources;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.config.SharedOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment of a run's pods: credentials come from the referenced Secrets and are never copied.
 */
final class PodEnv {
    private PodEnv() {}

    static List<EnvVar> credentials(DnsExtractionRun run) {
        List<EnvVar> env = new ArrayList<>();
        env.add(
                secret(
                        SharedOptions.POSTGRES_DSN.envVar(),
                        run.getSpec().postgresDsnSecret.name,
                        run.getSpec().postgresDsnSecret.key));
        env.add(
                secret(
                        SharedOptions.RABBITMQ_URL.envVar(),
                        run.getSpec().rabbitmqUrlSecret.name,
                        run.getSpec().rabbitmqUrlSecret.key));
        return env;
    }

    private static EnvVar secret(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .withOptional(false)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
