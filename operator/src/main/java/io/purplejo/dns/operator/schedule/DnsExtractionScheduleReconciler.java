/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.schedule;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionSchedule;
import io.purplejo.dns.api.v1alpha1.DnsExtractionScheduleStatus;
import io.purplejo.dns.rules.schedule.ScheduleDecider;
import io.purplejo.dns.rules.schedule.ScheduleDecision;
import io.purplejo.dns.rules.schedule.ScheduleNames;
import io.purplejo.dns.rules.schedule.ScheduleStatusProjection;
import io.purplejo.dns.rules.schedule.ScheduledRun;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a {@link DnsExtractionSchedule}: observes the runs it owns, lets {@link
 * ScheduleDecider} say what is due, deletes what Replace or the history limits drop, starts the run
 * of the due time (adopting it when it already exists), and records the status; then sleeps until
 * the next time.
 */
public class DnsExtractionScheduleReconciler implements Reconciler<DnsExtractionSchedule> {
    private static final Logger LOG =
            LoggerFactory.getLogger(DnsExtractionScheduleReconciler.class);

    /** A margin past the next time, so that the reconciliation it schedules finds it due. */
    private static final Duration PAST_DUE = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration lookInterval;

    /**
     * @param lookInterval the longest a schedule goes unobserved: its runs' phases and the clock
     *     are read at least this often, whatever the next time
     */
    public DnsExtractionScheduleReconciler(Clock clock, Duration lookInterval) {
        this.clock = clock;
        this.lookInterval = lookInterval;
    }

    @Override
    public List<EventSource<?, DnsExtractionSchedule>> prepareEventSources(
            EventSourceContext<DnsExtractionSchedule> context) {
        return List.of(
                new InformerEventSource<>(
                        InformerEventSourceConfiguration.from(
                                        DnsExtractionRun.class, DnsExtractionSchedule.class)
                                .withSecondaryToPrimaryMapper(
                                        Mappers.fromOwnerReferences(DnsExtractionSchedule.class))
                                .withNamespacesInheritedFromController()
                                .build(),
                        context));
    }

    @Override
    public UpdateControl<DnsExtractionSchedule> reconcile(
            DnsExtractionSchedule schedule, Context<DnsExtractionSchedule> context) {
        Instant now = clock.instant();
        DnsExtractionScheduleStatus old =
                schedule.getStatus() == null
                        ? new DnsExtractionScheduleStatus()
                        : schedule.getStatus();
        List<ScheduledRun> runs = observe(context);
        ScheduleDecision decision =
                ScheduleDecider.decide(
                        schedule.getSpec(),
                        parse(old.lastScheduleTime),
                        parse(schedule.getMetadata().getCreationTimestamp()),
                        runs,
                        now);
        List<ScheduledRun> after = act(schedule, context.getClient(), decision, runs);
        long generation =
                schedule.getMetadata().getGeneration() == null
                        ? 0
                        : schedule.getMetadata().getGeneration();
        DnsExtractionScheduleStatus next =
                ScheduleStatusProjection.project(old, generation, decision, after, now);
        if (!next.equals(old)) {
            PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
                    schedule,
                    context,
                    s -> {
                        s.setStatus(next);
                        return s;
                    });
        }
        Duration untilNext =
                decision.nextScheduleTime() == null
                        ? lookInterval
                        : Duration.between(now, decision.nextScheduleTime()).plus(PAST_DUE);
        return UpdateControl.<DnsExtractionSchedule>noUpdate()
                .rescheduleAfter(
                        (untilNext.compareTo(lookInterval) < 0 ? untilNext : lookInterval)
                                .toMillis());
    }

    /** The schedule's runs with the time each was scheduled for. */
    private static List<ScheduledRun> observe(Context<DnsExtractionSchedule> context) {
        List<ScheduledRun> runs = new ArrayList<>();
        for (DnsExtractionRun run : context.getSecondaryResources(DnsExtractionRun.class)) {
            Map<String, String> annotations = run.getMetadata().getAnnotations();
            Instant at =
                    parse(
                            annotations == null
                                    ? null
                                    : annotations.get(
                                            DnsExtractionSchedule.SCHEDULED_TIME_ANNOTATION));
            if (at != null && run.getMetadata().getDeletionTimestamp() == null) {
                runs.add(
                        new ScheduledRun(
                                run.getMetadata().getName(),
                                at,
                                run.getStatus() == null ? null : run.getStatus().phase));
            }
        }
        return runs;
    }

    /** Deletes what the decision drops and starts the run it names; the runs that remain. */
    private List<ScheduledRun> act(
            DnsExtractionSchedule schedule,
            KubernetesClient client,
            ScheduleDecision decision,
            List<ScheduledRun> runs) {
        List<ScheduledRun> after = new ArrayList<>(runs);
        List<String> gone = new ArrayList<>(decision.replace());
        gone.addAll(decision.prune());
        for (String name : gone) {
            client.resources(DnsExtractionRun.class)
                    .inNamespace(schedule.getMetadata().getNamespace())
                    .withName(name)
                    .delete();
            after.removeIf(r -> r.name().equals(name));
            LOG.info("schedule {}: deleted run {}", key(schedule), name);
        }
        if (decision.create() != null) {
            DnsExtractionRun run = run(schedule, decision.create());
            try {
                client.resource(run).create();
                LOG.info(
                        "schedule {}: started run {} for {}",
                        key(schedule),
                        run.getMetadata().getName(),
                        decision.create());
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // another replica or an earlier pass created it: the time has its run
            }
            after.add(new ScheduledRun(run.getMetadata().getName(), decision.create(), null));
        }
        return after;
    }

    /** The run of a scheduled time: the template's labels, annotations and spec, owned. */
    static DnsExtractionRun run(DnsExtractionSchedule schedule, Instant at) {
        Map<String, String> labels = new LinkedHashMap<>(schedule.getSpec().runTemplate.labels);
        labels.put(DnsExtractionSchedule.SCHEDULE_LABEL, schedule.getMetadata().getName());
        Map<String, String> annotations =
                new LinkedHashMap<>(schedule.getSpec().runTemplate.annotations);
        annotations.put(DnsExtractionSchedule.SCHEDULED_TIME_ANNOTATION, at.toString());
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder()
                        .withName(ScheduleNames.run(schedule.getMetadata().getName(), at))
                        .withNamespace(schedule.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(annotations)
                        .build());
        run.setSpec(Serialization.clone(schedule.getSpec().runTemplate.spec));
        run.addOwnerReference(schedule);
        return run;
    }

    private static Instant parse(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String key(DnsExtractionSchedule s) {
        return s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
    }
}
