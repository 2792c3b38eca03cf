/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the kubelet, for end-to-end tests on the real control plane: registers a Node,
 * keeps its lease, and runs every pod bound to it with podman, each pod in a network namespace of
 * its own ({@link PodNetwork}). It runs containers as their spec says ({@link ContainerCommand}),
 * with the environment and volumes resolved through the API ({@link PodEnv}, {@link PodVolumes}),
 * runs readiness and liveness probes, restarts containers per the restart policy, reports the pod's
 * status (phase, conditions, container states and exit codes, pod IP), and on deletion sends
 * SIGTERM, then SIGKILL after the grace period, before it removes the pod. Container logs are kept
 * in {@code <work>/logs}.
 */
public final class PodRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodRunner.class);
    private static final Duration SYNC = Duration.ofMillis(500);

    private final KubernetesClient client;
    private final String nodeName;
    private final Path work;
    private final int apiPort;
    private final int nofile;
    private final Map<String, RunningPod> pods = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pod-sync"));
    private final ExecutorService actions =
            Executors.newCachedThreadPool(r -> daemon(r, "pod-action"));
    private final NodeLease node;
    private final Prober prober = new Prober();

    public PodRunner(KubernetesClient client, String nodeName, Path work, int apiPort, int nofile) {
        this.client = client;
        this.nodeName = nodeName;
        this.work = work;
        this.apiPort = apiPort;
        this.nofile = nofile;
        this.node = new NodeLease(client, nodeName);
    }

    public String nodeName() {
        return nodeName;
    }

    public Path logs() {
        return work.resolve("logs");
    }

    /** Registers the Node and starts running the pods bound to it. */
    @SuppressWarnings(
            "FutureReturnValueIgnored") // heartbeat and sync catch what they throw; nothing to wait
    // for
    public void start() throws IOException {
        Files.createDirectories(logs());
        PodNetwork.prepareHost();
        node.register();
        node.heartbeat();
        loop.scheduleWithFixedDelay(node::heartbeat, 10, 10, TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::sync, 0, SYNC.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sync() {
        try {
            List<Pod> bound =
                    client.pods()
                            .inAnyNamespace()
                            .withField("spec.nodeName", nodeName)
                            .list()
                            .getItems();
            for (Pod p : bound) {
                RunningPod rp = pods.get(p.getMetadata().getUid());
                if (rp == null) {
                    if (p.getMetadata().getDeletionTimestamp() != null) {
                        remove(p);
                        continue;
                    }
                    RunningPod fresh = new RunningPod(p);
                    pods.put(fresh.uid, fresh);
                    actions.execute(() -> startPod(fresh));
                    continue;
                }
                rp.pod = p;
                if (p.getMetadata().getDeletionTimestamp() != null && !rp.stopping) {
                    rp.stopping = true;
                    actions.execute(() -> stopPod(rp, true));
                    continue;
                }
                if (!rp.starting && !rp.stopping) {
                    observe(rp);
                    writeStatus(rp);
                }
            }
            List<String> present = bound.stream().map(p -> p.getMetadata().getUid()).toList();
            for (RunningPod rp : pods.values()) {
                if (!present.contains(rp.uid) && !rp.stopping) {
                    rp.stopping = true;
                    actions.execute(() -> stopPod(rp, false));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("pod sync: {}", e.toString());
        }
    }

    private void startPod(RunningPod rp) {
        Pod pod = rp.pod;
        String key = pod.getMetadata().getNamespace() + "_" + pod.getMetadata().getName();
        try {
            rp.startTime = PodStatusView.now();
            // the containers first: a network that cannot be made shows on them, as a kubelet's
            for (Container c : pod.getSpec().getContainers()) {
                rp.containers.add(
                        new RunningContainer(
                                c,
                                "k8s_" + c.getName() + "_" + key + "_" + rp.uid.substring(0, 8)));
            }
            rp.net = PodNetwork.attach();
            writeStatus(rp);
            while (!rp.stopping) {
                try {
                    rp.volumes =
                            PodVolumes.materialize(
                                    client, pod, work.resolve("pods").resolve(rp.uid));
                    for (RunningContainer c : rp.containers) {
                        run(rp, c);
                    }
                    break;
                } catch (PodVolumes.NotReady e) {
                    for (RunningContainer c : rp.containers) {
                        c.waitingReason = "CreateContainerConfigError";
                        c.waitingMessage = e.getMessage();
                    }
                    writeStatus(rp);
                    Thread.sleep(2000);
                }
            }
        } catch (ContainerCommand.Unsupported e) {
            for (RunningContainer c : rp.containers) {
                c.waitingReason = "CreateContainerError";
                c.waitingMessage = e.getMessage();
            }
            LOG.warn("pod {}: {}", key, e.getMessage());
        } catch (IOException e) {
            LOG.warn("starting pod {}: {}", key, e.getMessage());
            for (RunningContainer c : rp.containers) {
                c.waitingReason = "RunContainerError";
                c.waitingMessage = e.getMessage();
            }
            writeStatus(rp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rp.starting = false;
            writeStatus(rp);
        }
    }

    private void run(RunningPod rp, RunningContainer c)
            throws IOException, PodVolumes.NotReady, ContainerCommand.Unsupported {
        Pod pod = rp.pod;
        Map<String, String> env =
                PodEnv.resolve(client, pod, c.spec, rp.net.podIp(), PodNetwork.HOST_IP, apiPort);
        Path log =
                logs().resolve(
                                pod.getMetadata().getNamespace()
                                        + "_"
                                        + pod.getMetadata().getName()
                                        + "_"
                                        + c.spec.getName()
                                        + "-"
                                        + c.restarts
                                        + ".log");
        ContainerRuntime.podman("rm", "-f", c.podmanName);
        List<String> cmd =
                ContainerCommand.podmanRun(
                        pod,
                        c.spec,
                        c.podmanName,
                        rp.net.netnsPath(),
                        env,
                        rp.volumes,
                        log,
                        nofile);
        String out = ContainerRuntime.exec(cmd);
        if (out == null) {
            c.waitingReason = "RunContainerError";
            c.waitingMessage = "podman run failed; see " + log;
            return;
        }
        c.state = "running";
        c.startedAt = PodStatusView.now();
        c.exitCode = null;
        c.ready = c.spec.getReadinessProbe() == null;
        c.readyFailures = 0;
        c.liveFailures = 0;
        c.lastProbe = Instant.EPOCH;
        c.lastLiveProbe = Instant.now();
    }

    /** Reads each container's state from podman, restarts per policy, and runs the probes. */
    @SuppressWarnings({
        "FutureReturnValueIgnored",
        "NonAtomicVolatileUpdate"
    }) // the restart catches its errors;
    // the loop thread is the only writer of restarts
    private void observe(RunningPod rp) {
        String policy =
                rp.pod.getSpec().getRestartPolicy() == null
                        ? "Always"
                        : rp.pod.getSpec().getRestartPolicy();
        for (RunningContainer c : rp.containers) {
            if (!"running".equals(c.state)) {
                continue;
            }
            String inspect =
                    ContainerRuntime.exec(
                            List.of(
                                    "podman",
                                    "inspect",
                                    "--format",
                                    "{{.State.Running}} {{.State.ExitCode}}",
                                    c.podmanName));
            if (inspect == null) {
                continue;
            }
            String[] f = inspect.strip().split(" ");
            if (f[0].equals("true")) {
                prober.probe(rp, c);
                continue;
            }
            c.state = "terminated";
            c.exitCode = Integer.parseInt(f[1]);
            c.finishedAt = PodStatusView.now();
            c.ready = false;
            boolean restart =
                    policy.equals("Always") || (policy.equals("OnFailure") && c.exitCode != 0);
            if (restart && !rp.stopping) {
                c.restarts++;
                // as the kubelet's CrashLoopBackOff: 10 s doubling to 5 min between restarts
                long delay = Math.min(300, 10L << Math.min(5, c.restarts - 1));
                c.state = "waiting";
                c.waitingReason = "CrashLoopBackOff";
                c.waitingMessage = "back-off " + delay + "s restarting failed container";
                loop.schedule(
                        () ->
                                actions.execute(
                                        () -> {
                                            try {
                                                if (!rp.stopping) {
                                                    run(rp, c);
                                                }
                                            } catch (IOException
                                                    | PodVolumes.NotReady
                                                    | ContainerCommand.Unsupported e) {
                                                c.waitingReason = "RunContainerError";
                                                c.waitingMessage = e.getMessage();
                                            }
                                        }),
                        delay,
                        TimeUnit.SECONDS);
            }
        }
    }

    /**
     * SIGTERM, SIGKILL after the grace period, then the pod is removed from the API (when it was
     * deleted).
     */
    private void stopPod(RunningPod rp, boolean deleteFromApi) {
        Pod pod = rp.pod;
        long grace =
                pod.getMetadata().getDeletionGracePeriodSeconds() != null
                        ? pod.getMetadata().getDeletionGracePeriodSeconds()
                        : Prober.grace(pod);
        List<Thread> stops = new ArrayList<>();
        for (RunningContainer c : rp.containers) {
            Thread t =
                    new Thread(
                            () -> {
                                ContainerRuntime.podman(
                                        "stop", "-t", String.valueOf(grace), c.podmanName);
                                ContainerRuntime.podman("rm", "-f", c.podmanName);
                            });
            t.start();
            stops.add(t);
        }
        for (Thread t : stops) {
            try {
                t.join(Duration.ofSeconds(grace + 30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rp.net != null) {
            PodNetwork.detach(rp.net);
        }
        if (deleteFromApi) {
            remove(pod);
        }
        pods.remove(rp.uid);
    }

    private void remove(Pod pod) {
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .withGracePeriod(0)
                    .delete();
        } catch (KubernetesClientException e) {
            LOG.debug("removing pod {}: {}", pod.getMetadata().getName(), e.getMessage());
        }
    }

    private synchronized void writeStatus(RunningPod rp) {
        PodStatus next = PodStatusView.of(rp);
        if (Objects.equals(next, rp.written)) {
            return;
        }
        try {
            PodStatus sent = io.fabric8.kubernetes.client.utils.Serialization.clone(next);
            client.pods()
                    .inNamespace(rp.pod.getMetadata().getNamespace())
                    .withName(rp.pod.getMetadata().getName())
                    .editStatus(
                            p -> {
                                sent.setQosClass(
                                        p.getStatus() == null ? null : p.getStatus().getQosClass());
                                p.setStatus(sent);
                                return p;
                            });
            rp.written = next;
        } catch (KubernetesClientException e) {
            LOG.debug("pod status {}: {}", rp.pod.getMetadata().getName(), e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops every pod it runs (SIGTERM, then SIGKILL) and removes the Node. */
    @Override
    public void close() {
        loop.shutdownNow();
        for (RunningPod rp : pods.values()) {
            rp.stopping = true;
            for (RunningContainer c : rp.containers) {
                ContainerRuntime.podman("rm", "-f", "-t", "5", c.podmanName);
            }
            if (rp.net != null) {
                PodNetwork.detach(rp.net);
            }
        }
        pods.clear();
        actions.shutdownNow();
        node.remove();
    }
}
