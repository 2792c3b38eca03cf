/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.rules.problem.ConditionReason;
import io.purplejo.dns.rules.workload.RunNames;
import java.net.HttpURLConnection;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes events on a run ({@code kubectl describe} shows them), deduplicated as kubectl
 * and the kubelet do: the same run, type, reason and message is one Event whose count and last time
 * grow. A failure to record never fails a reconcile.
 */
public final class RunEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private final KubernetesClient client;
    private final Clock clock;

    public RunEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(DnsExtractionRun run, ConditionReason reason, String message) {
        record(run, "Normal", reason.conditionReason(), message);
    }

    public void warning(DnsExtractionRun run, ConditionReason reason, String message) {
        record(run, "Warning", reason.conditionReason(), message);
    }

    private void record(DnsExtractionRun run, String type, String reason, String message) {
        String ns = run.getMetadata().getNamespace();
        String now = clock.instant().toString();
        String name =
                RunNames.eventName(
                        run,
                        run.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message);
        LOG.info("{} {}/{}: {} {}", type, ns, run.getMetadata().getName(), reason, message);
        try {
            Event e =
                    new EventBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace(ns)
                            .endMetadata()
                            .withInvolvedObject(
                                    new ObjectReferenceBuilder()
                                            .withApiVersion(run.getApiVersion())
                                            .withKind(run.getKind())
                                            .withName(run.getMetadata().getName())
                                            .withNamespace(ns)
                                            .withUid(run.getMetadata().getUid())
                                            .build())
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .withNewSource()
                            .withComponent("dns-operator")
                            .endSource()
                            .build();
            client.v1().events().inNamespace(ns).resource(e).create();
        } catch (KubernetesClientException ex) {
            if (ex.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                LOG.warn(
                        "cannot record event {} on {}: {}",
                        reason,
                        run.getMetadata().getName(),
                        ex.getMessage());
                return;
            }
            repeat(ns, name, now, reason, run);
        }
    }

    private void repeat(String ns, String name, String now, String reason, DnsExtractionRun run) {
        try {
            client.v1()
                    .events()
                    .inNamespace(ns)
                    .withName(name)
                    .edit(
                            e -> {
                                e.setCount(e.getCount() == null ? 2 : e.getCount() + 1);
                                e.setLastTimestamp(now);
                                return e;
                            });
        } catch (KubernetesClientException ex) {
            LOG.warn(
                    "cannot record event {} on {} again: {}",
                    reason,
                    run.getMetadata().getName(),
                    ex.getMessage());
        }
    }
}
