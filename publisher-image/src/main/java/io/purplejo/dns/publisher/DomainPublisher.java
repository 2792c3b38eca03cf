/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.TableStatistics;
import io.purplejo.dns.message.MessageCodec;
import io.purplejo.dns.message.WorkMessage;
import io.purplejo.dns.publisher.amqp.ConfirmingChannel;
import io.purplejo.dns.publisher.run.PublishRun;
import io.purplejo.dns.publisher.run.RunStore;
import io.purplejo.dns.publisher.selection.Selection;
import io.purplejo.dns.publisher.selection.SelectionSql;
import io.purplejo.dns.publisher.stream.BackPressure;
import io.purplejo.dns.publisher.stream.ConfirmTracker;
import io.purplejo.dns.retry.Backoff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the selected domains in id order (keyset pagination, constant memory) into the queue, in
 * batch messages for a run or one legacy message per domain without one. A message counts as
 * published when the broker confirms it; the run's checkpoint and published counter follow the
 * confirms, so a publisher killed at any point and started again continues after the last confirmed
 * domain.
 */
public final class DomainPublisher {
    /**
     * The queue depth is read at least this many times while the maximum's worth of messages is
     * sent, so the queue overshoots the maximum by a tenth at most.
     */
    private static final int DEPTH_READS_PER_MAXIMUM = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DomainPublisher.class);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long DEPTH_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    /** How many pages' worth of domain rows one page query covers at most. */
    private static final long WINDOW_PAGES = 4;

    private final PublisherSettings settings;
    private final Database database;

    public DomainPublisher(PublisherSettings settings, Database database) {
        this.settings = settings;
        this.database = database;
    }

    /**
     * The selection is planned on current statistics: a list just loaded, records an interrupted
     * run wrote into an embedded PostgreSQL that stopped before autovacuum came by (a resumed run
     * of 20,000 names waited up to 27 s for its first message), and the partitioned outcomes table,
     * which autovacuum never analyses.
     */
    private void refreshStatistics() {
        try {
            TableStatistics.refresh(database.dataSource());
        } catch (SQLException e) {
            // slower to select, never wrong: the run goes on
            LOG.warn("could not analyse the tables before selecting: {}", e.getMessage());
        }
    }

    /** What a finished publish did. */
    public record Result(long runId, long published, long total) {}

    public Result publish()
            throws SQLException, IOException, InterruptedException, TimeoutException {
        RunStore runs = new RunStore(database.dataSource());
        if (settings.selection().mode() == Selection.Mode.FAILURES_OF) {
            // a misspelt run would select nothing, and the run would succeed on nothing
            runs.requireEarlierRun(settings.selection().failuresOf(), settings.runUid());
        }
        refreshStatistics();
        PublishRun run;
        Long runId = null;
        if (settings.runMode()) {
            long selecting = System.nanoTime();
            run =
                    runs.createOrResume(
                            settings.runName(),
                            settings.runUid(),
                            settings.selection(),
                            settings.recordTypes(),
                            settings.outcomeRetentionDays());
            runId = run.id();
            LOG.info(
                    "run '{}' (id {}): {} domains selected in {} ms, {} published before, resuming after domain id {}",
                    settings.runName(),
                    run.id(),
                    run.total(),
                    (System.nanoTime() - selecting) / 1_000_000,
                    run.published(),
                    run.checkpoint());
        } else {
            if (settings.selection().explicit()) {
                runs.insertMissing(settings.selection().names());
            }
            long limit = maxDomainId();
            long total = count(limit);
            run = new PublishRun(0, 0, 0, limit, total, false);
            LOG.info("legacy mode: {} domains selected", total);
        }
        SelectionSql sql = SelectionSql.of(settings.selection(), runId);
        ConfirmTracker tracker = new ConfirmTracker(run.checkpoint());
        try (ConfirmingChannel channel =
                new ConfirmingChannel(
                        settings.rabbitmq(), settings.queue(), tracker, settings.confirmWindow())) {
            if (settings.purgeQueue()) {
                channel.purge();
                LOG.info("purged queue {}", settings.queue());
            }
            long published = run.published();
            if (!run.finished()) {
                published = stream(run, sql, channel, tracker, runs);
            } else {
                LOG.info("run '{}' was already published completely", settings.runName());
            }
            if (settings.stopMessages() > 0) {
                channel.publishStops(settings.stopMessages());
                LOG.info("sent {} stop messages", settings.stopMessages());
            }
            return new Result(run.id(), published, settings.runMode() ? published : run.total());
        }
    }

    private long stream(
            PublishRun run,
            SelectionSql sql,
            ConfirmingChannel channel,
            ConfirmTracker tracker,
            RunStore runs)
            throws SQLException, IOException, InterruptedException {
        Long limit = settings.selection().limit();
        long remaining = limit == null ? Long.MAX_VALUE : Math.max(0, limit - run.published());
        long cursor = run.checkpoint();
        long started = System.nanoTime();
        long sentDomains;
        ProgressSaver saver = settings.runMode() ? ProgressSaver.start(runs, run, tracker) : null;
        try {
            sentDomains = streamPages(run, sql, channel, tracker, remaining, cursor, started);
        } finally {
            // a failed attempt's saver must not write its checkpoint over the next attempt's
            if (saver != null) {
                saver.stop();
            }
        }
        long published;
        synchronized (tracker) {
            published = run.published() + tracker.confirmedDomains();
            if (settings.runMode()) {
                runs.finish(run.id(), tracker.checkpoint(), published);
            }
        }
        double secs = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "published {} domains in {} s ({} domains/s), all confirmed",
                sentDomains,
                String.format("%.2f", secs),
                Math.round(sentDomains / Math.max(secs, 1e-9)));
        return published;
    }

    /**
     * Sends the selection's pages after {@code cursor} and waits for every confirm; returns the
     * domains sent.
     */
    private long streamPages(
            PublishRun run,
            SelectionSql sql,
            ConfirmingChannel channel,
            ConfirmTracker tracker,
            long remaining,
            long cursor,
            long started)
            throws SQLException, IOException, InterruptedException {
        BackPressure pressure = new BackPressure(settings.maxQueueDepth());
        long lastProgress = started;
        long lastDepthCheck = 0;
        long sentAtDepthCheck = 0;
        long depthCheckEvery =
                Math.max(1, settings.maxQueueDepth() / DEPTH_READS_PER_MAXIMUM)
                        * messageSizeOf(settings);
        long sentDomains = 0;
        int messageSize = messageSizeOf(settings);
        List<WorkMessage.DomainRef> pending = new ArrayList<>(messageSize);
        try (PageReader reader = new PageReader()) {
            while (remaining > 0) {
                List<WorkMessage.DomainRef> page =
                        reader.read(
                                sql,
                                cursor,
                                run.domainIdLimit(),
                                (int) Math.min(settings.pageSize(), remaining));
                if (page.isEmpty()) {
                    break;
                }
                if (sentDomains == 0 && pending.isEmpty()) {
                    // a selection that filters most domains out shows here, before the first
                    // message
                    LOG.info(
                            "first page of {} domains read in {} ms",
                            page.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                cursor = page.get(page.size() - 1).id();
                remaining -= page.size();
                for (WorkMessage.DomainRef d : page) {
                    pending.add(d);
                    if (pending.size() == messageSize) {
                        send(channel, run, pending);
                        sentDomains += pending.size();
                        pending = new ArrayList<>(messageSize);
                    }
                    long now = System.nanoTime();
                    if (pressure.limited()
                            && (now - lastDepthCheck >= DEPTH_EVERY_NANOS
                                    || sentDomains - sentAtDepthCheck >= depthCheckEvery)) {
                        lastDepthCheck = now;
                        sentAtDepthCheck = sentDomains;
                        waitForRoom(channel, pressure);
                    }
                    if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                        progress(run, tracker, sentDomains, started, channel);
                        lastProgress = now;
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            send(channel, run, pending);
            sentDomains += pending.size();
        }
        if (!channel.awaitConfirms(120_000)) {
            throw new IOException("the broker did not confirm every message within 120 s");
        }
        return sentDomains;
    }

    private static int messageSizeOf(PublisherSettings settings) {
        return settings.runMode() ? settings.messageSize() : 1;
    }

    private void send(
            ConfirmingChannel channel, PublishRun run, List<WorkMessage.DomainRef> domains)
            throws IOException, InterruptedException {
        long first = domains.get(0).id();
        long last = domains.get(domains.size() - 1).id();
        if (settings.runMode()) {
            byte[] body =
                    MessageCodec.encode(
                            new WorkMessage.DomainBatch(run.id(), settings.recordTypes(), domains));
            channel.publish(body, MessageCodec.BATCH_CONTENT_TYPE, first, last, domains.size());
        } else {
            for (WorkMessage.DomainRef d : domains) {
                channel.publish(
                        d.name().getBytes(StandardCharsets.UTF_8), "text/plain", d.id(), d.id(), 1);
            }
        }
    }

    private void waitForRoom(ConfirmingChannel channel, BackPressure pressure)
            throws IOException, InterruptedException {
        if (!pressure.hold(channel.depth())) {
            return;
        }
        LOG.info(
                "queue {} holds more than {} messages: pausing",
                settings.queue(),
                settings.maxQueueDepth());
        long depth;
        do {
            Thread.sleep(250);
            depth = channel.depth();
        } while (pressure.hold(depth));
        LOG.info("queue {} is down to {} messages: resuming", settings.queue(), depth);
    }

    private void progress(
            PublishRun run,
            ConfirmTracker tracker,
            long sent,
            long started,
            ConfirmingChannel channel)
            throws IOException {
        long confirmed;
        synchronized (tracker) {
            confirmed = run.published() + tracker.confirmedDomains();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        double rate = sent / Math.max(secs, 1e-9);
        long left = Math.max(0, run.total() - confirmed);
        LOG.info(
                "publish progress: {}/{} domains confirmed, {} domains/s, ETA {}, queue {} messages",
                confirmed,
                run.total(),
                Math.round(rate),
                rate > 0 ? Duration.ofSeconds((long) (left / rate)) : "unknown",
                channel.depth());
    }

    /**
     * Reads pages on one connection, and rides out a lost one (a PostgreSQL restart, a terminated
     * backend) for the outage tolerance: a new connection reads the same page again, after the last
     * domain sent, so nothing is skipped and nothing sent twice. Legacy mode has no checkpoint to
     * restart an attempt from, so this is where it survives an outage.
     */
    private final class PageReader implements AutoCloseable {
        private Connection connection;

        List<WorkMessage.DomainRef> read(SelectionSql sql, long afterId, long upToId, int size)
                throws SQLException, InterruptedException {
            long outageStarted = 0;
            Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
            while (true) {
                try {
                    if (connection == null) {
                        connection = database.dataSource().getConnection();
                    }
                    List<WorkMessage.DomainRef> page =
                            readPage(connection, sql, afterId, upToId, size);
                    if (outageStarted != 0) {
                        LOG.info("PostgreSQL answers again: resuming after domain id {}", afterId);
                    }
                    return page;
                } catch (SQLException e) {
                    if (!PublisherFailure.transientSql(e)) {
                        throw e;
                    }
                    long now = System.nanoTime();
                    if (outageStarted == 0) {
                        outageStarted = now;
                    }
                    Duration outage = Duration.ofNanos(now - outageStarted);
                    if (outage.plus(backoff.nominal()).compareTo(settings.outageTolerance()) > 0) {
                        throw e;
                    }
                    LOG.warn(
                            "reading the domains after id {} failed ({}); reconnecting in {} s,"
                                    + " then resuming after that id",
                            afterId,
                            e.getMessage(),
                            backoff.nominal().toSeconds());
                    close();
                    Thread.sleep(backoff.nextWait().toMillis());
                }
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing a lost connection: {}", e.getMessage());
                }
                connection = null;
            }
        }
    }

    /**
     * The next selected domains after {@code afterId}, read window by window: each query covers at
     * most {@link #WINDOW_PAGES} pages' worth of domain rows, so that its plan and its cost do not
     * depend on how much of the table is left. Over the whole rest of the table the planner chose
     * hash anti joins that read every record table whole for each page (1.3 s a page over 1,000,000
     * domains, bench/selection-bench.sh); within a window it walks the indexes. Empty only at the
     * end of the run's snapshot.
     */
    private List<WorkMessage.DomainRef> readPage(
            Connection c, SelectionSql sql, long afterId, long upToId, int size)
            throws SQLException {
        long from = afterId;
        while (from < upToId) {
            long windowEnd = SelectionSql.windowEnd(c, from, upToId, size * WINDOW_PAGES);
            List<WorkMessage.DomainRef> page = new ArrayList<>(size);
            try (PreparedStatement ps = sql.page(c, from, windowEnd, size);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new WorkMessage.DomainRef(rs.getLong(1), rs.getString(2)));
                }
            }
            if (!page.isEmpty()) {
                return page;
            }
            from = windowEnd;
        }
        return List.of();
    }

    /** How many domains the selection holds now (for --count-only and legacy mode). */
    public long count(long upToId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            long n = SelectionSql.of(settings.selection(), null).count(c, 0, upToId);
            Long limit = settings.selection().limit();
            return limit == null ? n : Math.min(n, limit);
        }
    }

    public long maxDomainId() throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT coalesce(max(id), 0) FROM domains");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
