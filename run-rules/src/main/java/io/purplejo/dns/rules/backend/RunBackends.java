/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.backend;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.message.QueueNames;
import io.purplejo.dns.outcome.OutcomeRetention;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's connections to the runs' databases and brokers, one pool or connection per
 * distinct DSN or URL, shared by every run that uses it. Progress and queue depth are read without
 * loading domains.
 */
public class RunBackends implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunBackends.class);
    private static final int AMQP_NOT_FOUND = 404;

    /** Per database: progress reads of the runs it holds, one at a time per run. */
    private static final int DATABASE_CONNECTIONS = 2;

    private final Map<PostgresDsn, Database> databases = new ConcurrentHashMap<>();
    private final Map<String, Connection> brokers = new HashMap<>();

    /**
     * The run's progress, empty when its publisher has not created it yet; throws when the database
     * fails.
     */
    public Optional<RunProgress> progress(PostgresDsn dsn, String runUid)
            throws java.sql.SQLException {
        Database db =
                databases.computeIfAbsent(
                        dsn, d -> Database.open(d, DATABASE_CONNECTIONS, "dns-operator"));
        return new RunProgressQuery(db.dataSource()).byResourceUid(runUid);
    }

    /**
     * Applies the run's outcome retention in its database: drops its per-domain outcomes when the
     * retention ended, else says until when they are kept; throws when the database fails.
     */
    public OutcomeRetention.RunRetention applyRetention(
            PostgresDsn dsn, String runUid, java.time.Instant now) throws java.sql.SQLException {
        Database db =
                databases.computeIfAbsent(
                        dsn, d -> Database.open(d, DATABASE_CONNECTIONS, "dns-operator"));
        return OutcomeRetention.applyToRun(db.dataSource(), runUid, now);
    }

    /** Ready messages and consumers of the queue; a queue that does not exist yet holds nothing. */
    public QueueReading.Known queue(AmqpUri uri, String queue) throws IOException {
        Connection c = broker(uri);
        AMQP.Queue.DeclareOk work = declarePassive(c, queue);
        AMQP.Queue.DeclareOk dead = declarePassive(c, QueueNames.deadLetterQueue(queue));
        return new QueueReading.Known(
                work == null ? 0 : work.getMessageCount(),
                work == null ? 0 : work.getConsumerCount(),
                dead == null ? 0 : dead.getMessageCount());
    }

    /** The queue's counts; null when it does not exist (it holds nothing). */
    private static AMQP.Queue.DeclareOk declarePassive(Connection c, String queue)
            throws IOException {
        // a channel each: the broker closes the channel on which a queue was not found
        try (Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(queue);
        } catch (IOException e) {
            if (isNotFound(e)) {
                return null;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Deletes the run's queue and its dead-letter queue; absent queues are fine. */
    public void deleteQueue(AmqpUri uri, String queue) throws IOException {
        delete(uri, queue, QueueNames.deadLetterQueue(queue));
    }

    /** Deletes the run's queue and keeps its dead-letter queue; an absent queue is fine. */
    public void deleteWorkQueue(AmqpUri uri, String queue) throws IOException {
        delete(uri, queue);
    }

    private void delete(AmqpUri uri, String... queues) throws IOException {
        Connection c = broker(uri);
        for (String q : queues) {
            try (Channel ch = c.createChannel()) {
                ch.queueDelete(q);
            } catch (IOException e) {
                if (!isNotFound(e)) {
                    throw e;
                }
            } catch (TimeoutException e) {
                throw new IOException(e);
            }
        }
    }

    /** The broker closed the channel with 404 NOT_FOUND: the queue does not exist. */
    private static boolean isNotFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException s
                && s.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == AMQP_NOT_FOUND;
    }

    /**
     * One connection per broker, URL and trust; synchronized so that two runs never open two at
     * once.
     */
    private synchronized Connection broker(AmqpUri uri) throws IOException {
        String key =
                uri.toString() + "#" + uri.password().hashCode() + "#" + uri.trust().hashCode();
        Connection c = brokers.get(key);
        if (c != null && c.isOpen()) {
            return c;
        }
        c = AmqpConnections.open(uri, "dns-operator");
        brokers.put(key, c);
        return c;
    }

    @Override
    public synchronized void close() {
        databases.values().forEach(Database::close);
        brokers.values()
                .forEach(
                        c -> {
                            try {
                                c.close();
                            } catch (IOException | RuntimeException e) {
                                LOG.debug("closing broker connection: {}", e.toString());
                            }
                        });
    }
}
