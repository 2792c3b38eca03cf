/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One container of a running pod. */
    private static final class RunningContainer {
        final Container spec;
        final String podmanName;
        volatile int restarts;
        volatile String state = "waiting";
        volatile String waitingReason = "ContainerCreating";
        volatile String waitingMessage;
        volatile Integer exitCode;
        volatile String startedAt;
        volatile String finishedAt;
        volatile boolean ready;
        volatile int readyFailures;
        volatile int liveFailures;
        volatile Instant lastProbe = Instant.EPOCH;
        volatile Instant lastLiveProbe = Instant.now();

        RunningContainer(Container spec, String podmanName) {
            this.spec = spec;
            this.podmanName = podmanName;
        }
    }

    /** A pod this runner runs. */
    private static final class RunningPod {
        final String uid;
        volatile Pod pod;
        volatile PodNetwork.Attachment net;
        volatile Map<String, Path> volumes;
        final List<RunningContainer> containers = new ArrayList<>();
        volatile String startTime;
        volatile boolean starting = true;
        volatile boolean stopping;
        volatile PodStatus written;

        RunningPod(Pod pod) {
            this.uid = pod.getMetadata().getUid();
            this.pod = pod;
        }
    }

    public PodRunner(KubernetesClient client, String nodeName, Path work, int apiPort, int nofile) {
        this.client = client;
        this.nodeName = nodeName;
        this.work = work;
        this.apiPort = apiPort;
        this.nofile = nofile;
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
        Node node =
                new NodeBuilder()
                        .withNewMetadata()
                        .withName(nodeName)
                        .addToLabels("kubernetes.io/hostname", nodeName)
                        .addToLabels("kubernetes.io/os", "linux")
                        .addToLabels("kubernetes.io/arch", "amd64")
                        .endMetadata()
                        .withNewSpec()
                        .endSpec()
                        .build();
        client.nodes().resource(node).createOr(n -> n.update());
        heartbeat();
        loop.scheduleWithFixedDelay(this::heartbeat, 10, 10, TimeUnit.SECONDS);
        loop.scheduleWithFixedDelay(this::sync, 0, SYNC.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            client.nodes()
                    .withName(nodeName)
                    .editStatus(
                            n -> {
                                n.setStatus(
                                        new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                                                .addToCapacity("cpu", new Quantity("16"))
                                                .addToCapacity("memory", new Quantity("24Gi"))
                                                .addToCapacity("pods", new Quantity("110"))
                                                .addToAllocatable("cpu", new Quantity("16"))
                                                .addToAllocatable("memory", new Quantity("24Gi"))
                                                .addToAllocatable("pods", new Quantity("110"))
                                                .addNewCondition()
                                                .withType("Ready")
                                                .withStatus("True")
                                                .withReason("KubeletReady")
                                                .withMessage("e2e pod runner is ready")
                                                .withLastHeartbeatTime(now)
                                                .withLastTransitionTime(now)
                                                .endCondition()
                                                .addNewAddress()
                                                .withType("InternalIP")
                                                .withAddress(PodNetwork.HOST_IP)
                                                .endAddress()
                                                .addNewAddress()
                                                .withType("Hostname")
                                                .withAddress(nodeName)
                                                .endAddress()
                                                .withNewNodeInfo()
                                                .withKubeletVersion("v1.34.4-e2e")
                                                .withContainerRuntimeVersion("podman://4")
                                                .withOperatingSystem("linux")
                                                .withArchitecture("amd64")
                                                .withOsImage("e2e")
                                                .withKernelVersion("")
                                                .withKubeProxyVersion("")
                                                .withBootID("")
                                                .withMachineID("")
                                                .withSystemUUID("")
                                                .endNodeInfo()
                                                .build());
                                return n;
                            });
            Lease lease =
                    new LeaseBuilder()
                            .withNewMetadata()
                            .withName(nodeName)
                            .withNamespace("kube-node-lease")
                            .endMetadata()
                            .withNewSpec()
                            .withHolderIdentity(nodeName)
                            .withLeaseDurationSeconds(40)
                            .withRenewTime(ZonedDateTime.now(java.time.ZoneOffset.UTC))
                            .endSpec()
                            .build();
            client.leases()
                    .inNamespace("kube-node-lease")
                    .resource(lease)
                    .createOr(l -> l.update());
        } catch (KubernetesClientException e) {
            LOG.warn("node heartbeat: {}", e.getMessage());
        }
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
            rp.startTime = now();
            rp.net = PodNetwork.attach();
            for (Container c : pod.getSpec().getContainers()) {
                rp.containers.add(
                        new RunningContainer(
                                c,
                                "k8s_" + c.getName() + "_" + key + "_" + rp.uid.substring(0, 8)));
            }
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
        podman("rm", "-f", c.podmanName);
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
        String out = exec(cmd);
        if (out == null) {
            c.waitingReason = "RunContainerError";
            c.waitingMessage = "podman run failed; see " + log;
            return;
        }
        c.state = "running";
        c.startedAt = now();
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
                    exec(
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
                probe(rp, c);
                continue;
            }
            c.state = "terminated";
            c.exitCode = Integer.parseInt(f[1]);
            c.finishedAt = now();
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

    private void probe(RunningPod rp, RunningContainer c) {
        Probe readiness = c.spec.getReadinessProbe();
        Probe liveness = c.spec.getLivenessProbe();
        if (readiness == null) {
            c.ready = true;
        }
        Instant now = Instant.now();
        long running = Duration.between(Instant.parse(c.startedAt), now).toSeconds();
        // readiness: every second until ready (tests need not wait a whole period), then at its
        // period
        if (readiness != null
                && running >= delay(readiness)
                && Duration.between(c.lastProbe, now)
                                .compareTo(c.ready ? period(readiness) : Duration.ofSeconds(1))
                        >= 0) {
            c.lastProbe = now;
            boolean ok = check(rp, c, readiness);
            c.readyFailures = ok ? 0 : c.readyFailures + 1;
            c.ready = ok || (c.ready && c.readyFailures < threshold(readiness));
        }
        // liveness: at its own period only, as the kubelet does, so a slow start is not a failure
        if (liveness != null
                && running >= delay(liveness)
                && Duration.between(c.lastLiveProbe, now).compareTo(period(liveness)) >= 0) {
            c.lastLiveProbe = now;
            boolean ok = check(rp, c, liveness);
            c.liveFailures = ok ? 0 : c.liveFailures + 1;
            if (c.liveFailures >= threshold(liveness)) {
                LOG.info(
                        "container {} failed its liveness probe {} times: restarting",
                        c.podmanName,
                        threshold(liveness));
                c.liveFailures = 0;
                podman("stop", "-t", String.valueOf(grace(rp.pod)), c.podmanName);
            }
        }
    }

    private static Duration period(Probe p) {
        return Duration.ofSeconds(p.getPeriodSeconds() == null ? 10 : p.getPeriodSeconds());
    }

    private static int delay(Probe p) {
        return p.getInitialDelaySeconds() == null ? 0 : p.getInitialDelaySeconds();
    }

    private static int threshold(Probe p) {
        return p.getFailureThreshold() == null ? 3 : p.getFailureThreshold();
    }

    private boolean check(RunningPod rp, RunningContainer c, Probe p) {
        int timeout = p.getTimeoutSeconds() == null ? 1 : p.getTimeoutSeconds();
        try {
            if (p.getHttpGet() != null) {
                int port = port(c.spec, p.getHttpGet().getPort());
                String path = p.getHttpGet().getPath() == null ? "/" : p.getHttpGet().getPath();
                HttpResponse<Void> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://"
                                                                + rp.net.podIp()
                                                                + ":"
                                                                + port
                                                                + path))
                                        .timeout(Duration.ofSeconds(timeout))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                return r.statusCode() >= 200 && r.statusCode() < 400;
            }
            if (p.getTcpSocket() != null) {
                try (Socket s = new Socket()) {
                    s.connect(
                            new InetSocketAddress(
                                    rp.net.podIp(), port(c.spec, p.getTcpSocket().getPort())),
                            timeout * 1000);
                    return true;
                }
            }
            if (p.getExec() != null) {
                List<String> cmd = new ArrayList<>(List.of("podman", "exec", c.podmanName));
                cmd.addAll(p.getExec().getCommand());
                return exec(cmd) != null;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static int port(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
            if (port.getStrVal().equals(p.getName())) {
                return p.getContainerPort();
            }
        }
        throw new IllegalArgumentException("no port named " + port.getStrVal());
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
                        : grace(pod);
        List<Thread> stops = new ArrayList<>();
        for (RunningContainer c : rp.containers) {
            Thread t =
                    new Thread(
                            () -> {
                                podman("stop", "-t", String.valueOf(grace), c.podmanName);
                                podman("rm", "-f", c.podmanName);
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

    private static long grace(Pod pod) {
        Long g = pod.getSpec().getTerminationGracePeriodSeconds();
        return g == null ? 30 : g;
    }

    private synchronized void writeStatus(RunningPod rp) {
        PodStatus next = status(rp);
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

    private PodStatus status(RunningPod rp) {
        List<ContainerStatus> statuses = new ArrayList<>();
        boolean allReady = !rp.containers.isEmpty();
        boolean anyRunning = false;
        boolean allTerminated = !rp.containers.isEmpty();
        boolean allSucceeded = true;
        for (RunningContainer c : rp.containers) {
            ContainerStatusBuilder b =
                    new ContainerStatusBuilder()
                            .withName(c.spec.getName())
                            .withImage(c.spec.getImage())
                            .withImageID("")
                            .withContainerID("podman://" + c.podmanName)
                            .withRestartCount(c.restarts)
                            .withReady(c.ready)
                            .withStarted("running".equals(c.state));
            switch (c.state) {
                case "running" ->
                        b.withNewState()
                                .withNewRunning()
                                .withStartedAt(c.startedAt)
                                .endRunning()
                                .endState();
                case "terminated" ->
                        b.withNewState()
                                .withNewTerminated()
                                .withExitCode(c.exitCode)
                                .withReason(c.exitCode == 0 ? "Completed" : "Error")
                                .withStartedAt(c.startedAt)
                                .withFinishedAt(c.finishedAt)
                                .endTerminated()
                                .endState();
                default ->
                        b.withNewState()
                                .withNewWaiting()
                                .withReason(c.waitingReason)
                                .withMessage(c.waitingMessage)
                                .endWaiting()
                                .endState();
            }
            statuses.add(b.build());
            allReady &= c.ready;
            anyRunning |= "running".equals(c.state);
            allTerminated &= "terminated".equals(c.state);
            allSucceeded &= "terminated".equals(c.state) && Integer.valueOf(0).equals(c.exitCode);
        }
        String policy =
                rp.pod.getSpec().getRestartPolicy() == null
                        ? "Always"
                        : rp.pod.getSpec().getRestartPolicy();
        String phase = "Pending";
        if (anyRunning) {
            phase = "Running";
        } else if (allTerminated
                && (policy.equals("Never") || (policy.equals("OnFailure") && allSucceeded))) {
            phase = allSucceeded ? "Succeeded" : "Failed";
        } else if (allTerminated || rp.containers.stream().anyMatch(c -> c.restarts > 0)) {
            phase = "Running"; // restarting
        }
        String t = rp.startTime == null ? now() : rp.startTime;
        List<PodCondition> conditions =
                List.of(
                        condition("PodScheduled", true, t), condition("Initialized", true, t),
                        condition("ContainersReady", allReady, t), condition("Ready", allReady, t));
        PodStatus s = new PodStatus();
        s.setPhase(phase);
        s.setConditions(conditions);
        s.setContainerStatuses(statuses);
        s.setHostIP(PodNetwork.HOST_IP);
        s.setHostIPs(List.of(new io.fabric8.kubernetes.api.model.HostIP(PodNetwork.HOST_IP)));
        if (rp.net != null) {
            s.setPodIP(rp.net.podIp());
            s.setPodIPs(List.of(new PodIP(rp.net.podIp())));
        }
        s.setStartTime(t);
        return s;
    }

    private static PodCondition condition(String type, boolean status, String since) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status ? "True" : "False")
                .withLastTransitionTime(since)
                .build();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(List.of(args));
        exec(cmd);
    }

    /** Runs a command; its output, or null when it failed. */
    private static String exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out =
                    new String(
                            p.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            if (p.exitValue() != 0) {
                LOG.debug("{} exited {}: {}", String.join(" ", cmd), p.exitValue(), out.strip());
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
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
                podman("rm", "-f", "-t", "5", c.podmanName);
            }
            if (rp.net != null) {
                PodNetwork.detach(rp.net);
            }
        }
        pods.clear();
        actions.shutdownNow();
        try {
            client.nodes().withName(nodeName).delete();
        } catch (KubernetesClientException e) {
            LOG.debug("removing node: {}", e.getMessage());
        }
    }
}
