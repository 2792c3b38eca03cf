/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import io.purplejo.dns.publisher.run.PublishRun;
import io.purplejo.dns.publisher.run.RunStore;
import io.purplejo.dns.publisher.stream.ConfirmTracker;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run's checkpoint and published counter as soon as confirms move them (one small UPDATE
 * at a time, as fast as the database answers), so that a publisher killed at any moment republishes
 * little more than its unconfirmed messages.
 */
final class ProgressSaver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressSaver.class);

    private final RunStore runs;
    private final PublishRun run;
    private final ConfirmTracker tracker;
    private volatile boolean running = true;
    private Thread thread;

    private ProgressSaver(RunStore runs, PublishRun run, ConfirmTracker tracker) {
        this.runs = runs;
        this.run = run;
        this.tracker = tracker;
    }

    static ProgressSaver start(RunStore runs, PublishRun run, ConfirmTracker tracker) {
        ProgressSaver s = new ProgressSaver(runs, run, tracker);
        s.thread = new Thread(s, "progress-saver");
        s.thread.setDaemon(true);
        s.thread.start();
        return s;
    }

    @Override
    public void run() {
        long savedCheckpoint = run.checkpoint();
        long savedPublished = run.published();
        while (running) {
            long checkpoint;
            long published;
            synchronized (tracker) {
                checkpoint = tracker.checkpoint();
                published = run.published() + tracker.confirmedDomains();
                if (checkpoint == savedCheckpoint && published == savedPublished) {
                    try {
                        tracker.wait(100); // confirms notify the tracker
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
            }
            try {
                runs.saveProgress(run.id(), checkpoint, published);
                savedCheckpoint = checkpoint;
                savedPublished = published;
            } catch (SQLException e) {
                LOG.warn("cannot save the publish checkpoint yet: {}", e.getMessage());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
