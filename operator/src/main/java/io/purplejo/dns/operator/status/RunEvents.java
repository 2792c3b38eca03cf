package io.purplejo.dns.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records Kubernetes events on a run (kubectl describe shows them); a failure to record never fails a reconcile. */
public final class RunEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final KubernetesClient client;

    public RunEvents(KubernetesClient client) {
        this.client = client;
    }

    public void normal(DnsExtractionRun run, String reason, String message) {
        record(run, "Normal", reason, message);
    }

    public void warning(DnsExtractionRun run, String reason, String message) {
        record(run, "Warning", reason, message);
    }

    private void record(DnsExtractionRun run, String type, String reason, String message) {
        String now = Instant.now().toString();
        Event e = new EventBuilder()
                .withNewMetadata()
                .withName(run.getMetadata().getName() + "." + Long.toHexString(System.nanoTime())
                        + Long.toHexString(SEQUENCE.incrementAndGet()))
                .withNamespace(run.getMetadata().getNamespace()).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(run.getApiVersion())
                        .withKind(run.getKind()).withName(run.getMetadata().getName())
                        .withNamespace(run.getMetadata().getNamespace()).withUid(run.getMetadata().getUid()).build())
                .withType(type).withReason(reason).withMessage(message)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .withNewSource().withComponent("dns-operator").endSource()
                .build();
        try {
            client.v1().events().inNamespace(run.getMetadata().getNamespace()).resource(e).create();
        } catch (KubernetesClientException ex) {
            LOG.warn("cannot record event {} on {}: {}", reason, run.getMetadata().getName(), ex.getMessage());
        }
        LOG.info("{} {}/{}: {} {}", type, run.getMetadata().getNamespace(), run.getMetadata().getName(), reason, message);
    }
}
