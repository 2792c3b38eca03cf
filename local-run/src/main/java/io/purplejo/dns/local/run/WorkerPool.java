/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.worker.service.WorkerService;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The run's workers, as the Deployment's pods run them: N queue workers with the run's settings in
 * this process, each with its own DNS event loop and connections. Stopping drains them as SIGTERM
 * does.
 */
final class WorkerPool {
    private final List<WorkerService> services = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    WorkerPool(Map<String, String> env, int count) {
        for (int i = 1; i <= count; i++) {
            Map<String, String> own = new HashMap<>(env);
            own.put(WorkerOptions.WORKER_ID.envVar(), "local-worker-" + i);
            WorkerSettings settings =
                    WorkerSettings.from(WorkerSettings.declare().parse(List.of(), own), own);
            services.add(new WorkerService(settings));
        }
    }

    void start() {
        for (WorkerService service : services) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    service.start();
                                    service.runUntilStopped();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } catch (RuntimeException e) {
                                    failures.add(
                                            e.getMessage() == null ? e.toString() : e.getMessage());
                                }
                            },
                            "worker-main-" + (threads.size() + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    int size() {
        return services.size();
    }

    /** Workers still running. */
    int running() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    /** Why workers ended on their own, if any did. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Asks every worker to drain (finish, store and acknowledge what it holds) and waits for them.
     */
    void stop(String reason, Duration timeout) throws InterruptedException {
        services.forEach(s -> s.requestStop(reason));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }
}
