package io.purplejo.dns.operator.resources;

import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import java.util.Map;

/** The names and labels of what belongs to a run. */
public final class RunNames {
    public static final String APP_LABEL = "app.kubernetes.io/name";
    public static final String RUN_LABEL = "dns.purplejo.io/run";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    private RunNames() {
    }

    /** The run's identity in the database: {@code namespace/name}. */
    public static String runKey(DnsExtractionRun run) {
        return run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
    }

    public static String queue(DnsExtractionRun run) {
        String q = run.getSpec().queueName;
        return q != null && !q.isBlank() ? q
                : "dnsx." + run.getMetadata().getNamespace() + "." + run.getMetadata().getName();
    }

    public static String publisherJob(DnsExtractionRun run) {
        return truncate(run.getMetadata().getName() + "-publisher");
    }

    public static String workerDeployment(DnsExtractionRun run) {
        return truncate(run.getMetadata().getName() + "-workers");
    }

    public static Map<String, String> labels(DnsExtractionRun run, String component) {
        return Map.of(APP_LABEL, "dns-extraction", RUN_LABEL, run.getMetadata().getName(), COMPONENT_LABEL, component);
    }

    private static String truncate(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
