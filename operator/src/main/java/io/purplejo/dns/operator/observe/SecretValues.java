/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.rules.problem.ProblemReason;
import io.purplejo.dns.rules.problem.RunProblem;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the DSN, URL and CA bundle a run's Secrets hold, so the operator can read the run's
 * progress and queue as its pods will. A missing Secret or key, or a value that does not parse,
 * gives a problem that says exactly what to fix; values are kept in memory only and never logged.
 */
public final class SecretValues {
    /**
     * The parsed credentials, or the problem ({@code postgres} and {@code rabbitmq} are null then).
     */
    public record Result(PostgresDsn postgres, AmqpUri rabbitmq, RunProblem problem) {}

    private SecretValues() {}

    public static Result read(KubernetesClient client, DnsExtractionRun run) {
        DnsExtractionRunSpec spec = run.getSpec();
        if (spec == null) {
            return new Result(
                    null,
                    null,
                    new RunProblem(
                            ProblemReason.INVALID_SPEC,
                            "the resource has no spec: write a spec (see examples/), or delete the resource"));
        }
        String ns = run.getMetadata().getNamespace();
        try {
            return read(client, spec, ns);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
                throw e;
            }
            return new Result(
                    null,
                    null,
                    new RunProblem(
                            ProblemReason.FORBIDDEN,
                            "the operator may not read the"
                                    + " run's Secrets in namespace "
                                    + ns
                                    + " ("
                                    + e.getStatus().getMessage()
                                    + "): grant it get on"
                                    + " secrets there, as the chart's RBAC does"));
        }
    }

    private static Result read(KubernetesClient client, DnsExtractionRunSpec spec, String ns) {
        List<String> problems = new ArrayList<>();
        String dsnText =
                value(client, ns, spec.postgresDsnSecret, "spec.postgresDsnSecret", problems);
        String urlText =
                value(client, ns, spec.rabbitmqUrlSecret, "spec.rabbitmqUrlSecret", problems);
        AmqpTrust trust = AmqpTrust.system();
        if (spec.rabbitmqTls != null && Boolean.TRUE.equals(spec.rabbitmqTls.insecureSkipVerify)) {
            trust = AmqpTrust.insecureTrustAll();
        } else if (spec.rabbitmqTls != null && spec.rabbitmqTls.caSecret != null) {
            String pem =
                    value(
                            client,
                            ns,
                            spec.rabbitmqTls.caSecret,
                            "spec.rabbitmqTls.caSecret",
                            problems);
            if (pem != null) {
                try {
                    trust = AmqpTrust.ofPem(pem);
                } catch (InvalidConfigurationException e) {
                    problems.add(
                            "Secret "
                                    + spec.rabbitmqTls.caSecret.name
                                    + " key "
                                    + spec.rabbitmqTls.caSecret.key
                                    + ": "
                                    + e.getMessage());
                }
            }
        }
        PostgresDsn dsn = null;
        AmqpUri url = null;
        if (dsnText != null) {
            try {
                dsn = PostgresDsn.parse(dsnText);
            } catch (InvalidConfigurationException e) {
                problems.add(
                        "Secret "
                                + spec.postgresDsnSecret.name
                                + " key "
                                + spec.postgresDsnSecret.key
                                + ": "
                                + e.getMessage());
            }
        }
        if (urlText != null) {
            try {
                url = AmqpUri.parse(urlText).withTrust(trust);
            } catch (InvalidConfigurationException e) {
                problems.add(
                        "Secret "
                                + spec.rabbitmqUrlSecret.name
                                + " key "
                                + spec.rabbitmqUrlSecret.key
                                + ": "
                                + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return new Result(
                    null,
                    null,
                    new RunProblem(ProblemReason.INVALID_SPEC, String.join("; ", problems)));
        }
        return new Result(dsn, url, null);
    }

    private static String value(
            KubernetesClient client,
            String ns,
            SecretKeyRef ref,
            String field,
            List<String> problems) {
        if (ref == null || ref.name == null || ref.key == null) {
            problems.add(field + " must name a Secret and a key");
            return null;
        }
        Secret s = client.secrets().inNamespace(ns).withName(ref.name).get();
        if (s == null) {
            problems.add(
                    "Secret "
                            + ref.name
                            + " ("
                            + field
                            + ") does not exist in namespace "
                            + ns
                            + ": create it or fix "
                            + field
                            + ".name");
            return null;
        }
        Map<String, String> data = s.getData();
        Map<String, String> stringData = s.getStringData();
        if (data != null && data.containsKey(ref.key)) {
            return new String(Base64.getDecoder().decode(data.get(ref.key)), StandardCharsets.UTF_8)
                    .strip();
        }
        if (stringData != null && stringData.containsKey(ref.key)) {
            return stringData.get(ref.key).strip();
        }
        problems.add(
                "Secret "
                        + ref.name
                        + " has no key '"
                        + ref.key
                        + "' ("
                        + field
                        + ".key): add the key"
                        + " or fix "
                        + field
                        + ".key");
        return null;
    }
}
