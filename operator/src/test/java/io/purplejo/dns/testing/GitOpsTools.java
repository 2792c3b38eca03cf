/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the GitOps tools make of a run, computed by their own code: kstatus (Flux's health checks)
 * and the chart's Argo CD health script under gopher-lua, through {@code e2e/gitops} built from the
 * Go module proxy. Where Go or the proxy is missing the checks are skipped, and fail instead when
 * {@code DNSX_REQUIRE_E2E=1}.
 */
public final class GitOpsTools {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path HEALTH_SCRIPT =
            REPO.resolve("charts/dns-extraction-operator/files/argocd-health.lua");
    private static final boolean REQUIRED = "1".equals(System.getenv("DNSX_REQUIRE_E2E"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path binary;
    private static String problem;

    private GitOpsTools() {}

    /** kstatus's status and the Argo CD health of one object. */
    public record Verdict(String kstatus, String health, String message) {}

    /** Whether the tools could be built here (else the checks are skipped, unless required). */
    public static synchronized boolean available() {
        if (binary == null && problem == null) {
            build();
        }
        if (problem != null && REQUIRED) {
            throw new IllegalStateException(
                    "the GitOps tools are required (DNSX_REQUIRE_E2E=1): " + problem);
        }
        return binary != null;
    }

    private static void build() {
        try {
            Process p =
                    new ProcessBuilder("bash", REPO.resolve("e2e/gitops/build.sh").toString())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                problem = "e2e/gitops/build.sh failed: " + out.strip();
                return;
            }
            binary = Path.of(out.strip().lines().reduce((a, b) -> b).orElseThrow());
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
    }

    /** What kstatus and the Argo CD health script say of this object. */
    public static Verdict judge(HasMetadata object) {
        return judge(Serialization.asJson(object));
    }

    /** What kstatus and the Argo CD health script say of this object, as the API server's JSON. */
    public static Verdict judge(String objectJson) {
        if (!available()) {
            throw new IllegalStateException("no GitOps tools: " + problem);
        }
        try {
            Process p =
                    new ProcessBuilder(binary.toString(), "-lua", HEALTH_SCRIPT.toString()).start();
            p.getOutputStream()
                    .write((objectJson.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gitops-health failed: " + err);
            }
            JsonNode v = JSON.readTree(out);
            if (v.hasNonNull("error")) {
                throw new IllegalStateException("gitops-health: " + v.get("error").asText());
            }
            return new Verdict(
                    v.path("kstatus").asText(),
                    v.path("health").asText(),
                    v.path("healthMessage").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
