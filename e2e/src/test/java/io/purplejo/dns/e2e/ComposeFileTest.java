/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml as a user runs it with Docker Compose: it cannot be started here (see
 * docs/deploy.md: no registry for the PostgreSQL and RabbitMQ images, and Debian's podman-compose
 * puts every container on a bridge network of its own), so what users rely on is checked in the
 * file.
 */
class ComposeFileTest {
    static final Path FILE = Path.of("..", "deploy", "compose", "compose.yaml");

    JsonNode compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(FILE));
    }

    @Test
    void thePublisherIsAOneShotServiceAndTheWorkersAreReplicasThatStopWithTheRun()
            throws Exception {
        JsonNode s = compose().get("services");

        assertThat(s.get("publisher").get("restart").asText()).isEqualTo("on-failure");
        assertThat(s.get("publisher").get("environment").get("WORKER_COUNT").asText())
                .isEqualTo("${WORKERS:-2}");
        assertThat(s.get("worker").get("deploy").get("replicas").asText())
                .isEqualTo("${WORKERS:-2}");
        assertThat(s.get("worker").get("restart").asText()).isEqualTo("on-failure");
        assertThat(s.get("worker").get("stop_grace_period").asText()).isEqualTo("40s");
    }

    @Test
    void everyServiceHasAHealthCheckOrWaitsForHealthyDependencies() throws Exception {
        JsonNode s = compose().get("services");

        for (String svc : List.of("postgres", "rabbitmq", "worker")) {
            assertThat(s.get(svc).get("healthcheck").get("test")).as(svc).isNotNull();
        }
        for (String svc : List.of("publisher", "worker")) {
            for (String dep : List.of("postgres", "rabbitmq")) {
                assertThat(s.get(svc).get("depends_on").get(dep).get("condition").asText())
                        .isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void thePublisherAndWorkersRunRestrictedWithCredentialsFromTheEnvFile() throws Exception {
        JsonNode s = compose().get("services");
        String text = Files.readString(FILE);

        for (String svc : List.of("publisher", "worker")) {
            JsonNode c = s.get(svc);
            assertThat(c.get("read_only").asBoolean()).as(svc).isTrue();
            assertThat(c.get("cap_drop").get(0).asText()).isEqualTo("ALL");
            assertThat(c.get("security_opt").get(0).asText()).isEqualTo("no-new-privileges:true");
            assertThat(c.get("user").asText()).isEqualTo("65532:65532");
            assertThat(c.get("image").asText()).contains("${DNSX_VERSION");
            assertThat(c.get("environment").get("POSTGRES_DSN").asText())
                    .contains("${POSTGRES_PASSWORD}");
        }
        assertThat(text).doesNotContain("change-me");
        assertThat(Files.readString(FILE.resolveSibling("example.env")))
                .contains("POSTGRES_PASSWORD=", "RABBITMQ_PASSWORD=", "DNS_RESOLVERS=", "WORKERS=");
    }
}
