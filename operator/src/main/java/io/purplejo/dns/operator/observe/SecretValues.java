package io.purplejo.dns.operator.observe;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.SecretKeyRef;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.PostgresDsn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the DSN and URL a run's Secrets hold, so the operator can read the run's progress and queue. A
 * missing Secret or key, or a value that does not parse, gives a problem that says exactly what to fix;
 * values are kept in memory only and never logged.
 */
public final class SecretValues {
    /** The parsed credentials, or the problem. */
    public record Result(PostgresDsn postgres, AmqpUri rabbitmq, String problem) {
    }

    private SecretValues() {
    }

    public static Result read(KubernetesClient client, DnsExtractionRun run) {
        String ns = run.getMetadata().getNamespace();
        StringBuilder problems = new StringBuilder();
        String dsnText = value(client, ns, run.getSpec().postgresDsnSecret, "spec.postgresDsnSecret", problems);
        String urlText = value(client, ns, run.getSpec().rabbitmqUrlSecret, "spec.rabbitmqUrlSecret", problems);
        PostgresDsn dsn = null;
        AmqpUri url = null;
        if (dsnText != null) {
            try {
                dsn = PostgresDsn.parse(dsnText);
            } catch (InvalidConfigurationException e) {
                append(problems, "Secret " + run.getSpec().postgresDsnSecret.name + " key "
                        + run.getSpec().postgresDsnSecret.key + ": " + e.getMessage());
            }
        }
        if (urlText != null) {
            try {
                url = AmqpUri.parse(urlText);
            } catch (InvalidConfigurationException e) {
                append(problems, "Secret " + run.getSpec().rabbitmqUrlSecret.name + " key "
                        + run.getSpec().rabbitmqUrlSecret.key + ": " + e.getMessage());
            }
        }
        return new Result(dsn, url, problems.length() == 0 ? null : problems.toString());
    }

    private static String value(KubernetesClient client, String ns, SecretKeyRef ref, String field, StringBuilder problems) {
        Secret s = client.secrets().inNamespace(ns).withName(ref.name).get();
        if (s == null) {
            append(problems, "Secret " + ref.name + " (" + field + ") does not exist in namespace " + ns
                    + ": create it or fix " + field + ".name");
            return null;
        }
        Map<String, String> data = s.getData();
        Map<String, String> stringData = s.getStringData();
        if (data != null && data.containsKey(ref.key)) {
            return new String(Base64.getDecoder().decode(data.get(ref.key)), StandardCharsets.UTF_8).strip();
        }
        if (stringData != null && stringData.containsKey(ref.key)) {
            return stringData.get(ref.key).strip();
        }
        append(problems, "Secret " + ref.name + " has no key '" + ref.key + "' (" + field + ".key): add the key"
                + " or fix " + field + ".key");
        return null;
    }

    private static void append(StringBuilder sb, String problem) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(problem);
    }
}
