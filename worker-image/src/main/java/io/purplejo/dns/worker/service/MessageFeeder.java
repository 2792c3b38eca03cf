/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.service;

import io.purplejo.dns.lookup.UnsupportedRecordTypeException;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.UndecodableMessageException;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.resolve.DomainResolver;
import io.purplejo.dns.resolve.InFlightLimiter;
import io.purplejo.dns.resolve.RecordTypes;
import io.purplejo.dns.worker.amqp.Delivery;
import io.purplejo.dns.worker.metrics.WorkerMetrics;
import io.purplejo.dns.worker.store.ResolvedDomain;
import io.purplejo.dns.worker.store.RunRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeder thread: takes each delivery, decodes it and starts its domains' resolutions (blocking
 * while {@code concurrency} domains are in flight), or settles at once a whole message that cannot
 * be worked on: undecodable, of an unknown run, or delivered too often.
 */
final class MessageFeeder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageFeeder.class);

    private final BlockingQueue<Delivery> deliveries;
    private final BooleanSupplier stopping;
    private final Consumer<Delivery> onStopMessage;
    private final WorkerSettings settings;
    private final WorkerMetrics metrics;
    private final RunRegistry runs;
    private final InFlightLimiter limiter;
    private final DomainResolver resolver;
    private final BatchWriter batchWriter;

    /**
     * @param stopping whether the worker is stopping: deliveries are then given back unstarted
     * @param onStopMessage called with a {@code __STOP__} message, which the worker acknowledges
     *     once drained
     */
    MessageFeeder(
            BlockingQueue<Delivery> deliveries,
            BooleanSupplier stopping,
            Consumer<Delivery> onStopMessage,
            WorkerSettings settings,
            WorkerMetrics metrics,
            RunRegistry runs,
            InFlightLimiter limiter,
            DomainResolver resolver,
            BatchWriter batchWriter) {
        this.deliveries = deliveries;
        this.stopping = stopping;
        this.onStopMessage = onStopMessage;
        this.settings = settings;
        this.metrics = metrics;
        this.runs = runs;
        this.limiter = limiter;
        this.resolver = resolver;
        this.batchWriter = batchWriter;
    }

    @Override
    public void run() {
        while (true) {
            Delivery d;
            try {
                d = deliveries.take();
            } catch (InterruptedException e) {
                return;
            }
            if (stopping.getAsBoolean()) {
                d.requeue();
                continue;
            }
            try {
                handle(d);
            } catch (InterruptedException e) {
                d.requeue();
                return;
            } catch (RuntimeException | SQLException e) {
                // never let one message stop the feeder; the message is not acknowledged and comes
                // back
                LOG.error("cannot process a message; it is requeued", e);
                d.requeue();
            }
        }
    }

    @SuppressWarnings("JavaUtilDate") // AMQP's timestamp property is a java.util.Date
    private void handle(Delivery d) throws InterruptedException, SQLException {
        Integer deliveries = deliveryCount(d);
        if (deliveries != null && deliveries >= settings.maxDeliveries()) {
            deadLetter(d, "delivered " + deliveries + " times without completing");
            return;
        }
        if (d.properties() != null && d.properties().getTimestamp() != null) {
            metrics.queueLag(System.currentTimeMillis() - d.properties().getTimestamp().getTime());
        }
        WorkMessage message;
        try {
            message =
                    MessageCodec.decode(
                            d.body(),
                            d.properties() == null ? null : d.properties().getContentType());
        } catch (UndecodableMessageException e) {
            deadLetter(d, e.getMessage());
            return;
        }
        if (message instanceof WorkMessage.Stop) {
            onStopMessage.accept(d);
            return;
        }
        if (message instanceof WorkMessage.LegacyDomain legacy) {
            long run = runs.legacyRun(settings.queue(), settings.typeNames());
            TrackedMessage tracked = new TrackedMessage(d, 1);
            resolve(tracked, run, 0, legacy.name(), settings.types());
            return;
        }
        WorkMessage.DomainBatch batch = (WorkMessage.DomainBatch) message;
        if (!runs.exists(batch.runId())) {
            deadLetter(d, "run " + batch.runId() + " does not exist");
            return;
        }
        List<Integer> types;
        try {
            types =
                    batch.recordTypes().isEmpty()
                            ? settings.types()
                            : RecordTypes.parse(batch.recordTypes());
        } catch (UnsupportedRecordTypeException e) {
            deadLetter(d, e.getMessage());
            return;
        }
        if (batch.domains().isEmpty()) {
            d.ack();
            return;
        }
        TrackedMessage tracked = new TrackedMessage(d, batch.domains().size());
        for (WorkMessage.DomainRef ref : batch.domains()) {
            resolve(tracked, batch.runId(), ref.id(), ref.name(), types);
        }
    }

    private void resolve(
            TrackedMessage tracked, long run, long domainId, String name, List<Integer> types)
            throws InterruptedException {
        limiter.acquire(1);
        resolver.resolve(
                name,
                types,
                r ->
                        batchWriter.add(
                                new DomainAwaitingWrite(
                                        tracked, new ResolvedDomain(run, domainId, r))));
    }

    private static Integer deliveryCount(Delivery d) {
        Map<String, Object> headers = d.properties() == null ? null : d.properties().getHeaders();
        Object n = headers == null ? null : headers.get("x-delivery-count");
        return n instanceof Number num ? num.intValue() : null;
    }

    private void deadLetter(Delivery d, String reason) {
        LOG.warn("dead-lettering a message: {}", reason);
        metrics.deadLettered();
        d.deadLetter(reason);
    }
}
