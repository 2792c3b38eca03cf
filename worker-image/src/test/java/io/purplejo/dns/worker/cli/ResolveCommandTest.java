/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.purplejo.dns.testing.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolveCommandTest {

    @Test
    void printsOneJsonLinePerNameAndASummary() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("a.test. 300 IN A 192.0.2.1")
                    .add("a.test. 300 IN MX 10 mx.a.test.")
                    .add("alias.test. 300 IN CNAME a.test.");
            String input = "a.test\n\nAlias.Test.\nmissing.test\nbad name\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code =
                    ResolveCommand.run(
                            List.of(
                                    "--resolvers",
                                    dns.spec(),
                                    "--types",
                                    "A,MX,CNAME",
                                    "--dns-timeout",
                                    "0.5"),
                            Map.of(),
                            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                            out,
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isZero();
            ObjectMapper json = new ObjectMapper();
            Map<String, JsonNode> byName = new HashMap<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    byName.put(n.get("domain").asText(), n);
                }
            }
            assertThat(byName).containsOnlyKeys("a.test", "alias.test", "missing.test", "bad name");
            assertThat(byName.get("a.test").get("A").get("values").get(0).asText())
                    .isEqualTo("192.0.2.1");
            assertThat(byName.get("a.test").get("MX").get("values").get(0).asText())
                    .isEqualTo("10 mx.a.test");
            assertThat(byName.get("alias.test").get("CNAME").get("values").get(0).asText())
                    .isEqualTo("a.test");
            assertThat(byName.get("alias.test").get("A").get("values").get(0).asText())
                    .isEqualTo("192.0.2.1");
            assertThat(byName.get("missing.test").get("status").asText()).isEqualTo("nxdomain");
            assertThat(byName.get("bad name").get("status").asText()).isEqualTo("invalid");
            assertThat(byName.get("bad name").get("reason").asText()).isEqualTo("contains a space");
            String summary = err.toString(StandardCharsets.UTF_8);
            assertThat(summary)
                    .contains("4 names")
                    .contains("names/s")
                    .contains("queries/s")
                    .contains("resolved=2")
                    .contains("nxdomain=1")
                    .contains("invalid=1");
        }
    }

    @Test
    void aBadOptionExitsWithTwoAndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                ResolveCommand.run(
                        List.of("--resolvers", "dns.example.com"),
                        Map.of(),
                        new ByteArrayInputStream(new byte[0]),
                        new ByteArrayOutputStream(),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be an IP address");
    }

    @Test
    void namesThatTimeOutFailOrAreRefusedEachGetTheirLineAndTheCommandSaysAllGotOne()
            throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("ok.test. 300 IN A 192.0.2.1");
            dns.behave("slow.test", TestDnsServer.Behavior.DROP)
                    .behave("broken.test", TestDnsServer.Behavior.SERVFAIL)
                    .behave("closed.test", TestDnsServer.Behavior.REFUSED);
            String input = "broken.test\nok.test\nslow.test\nclosed.test\nok.test\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code =
                    ResolveCommand.run(
                            List.of(
                                    "--resolvers",
                                    dns.spec(),
                                    "--types",
                                    "A",
                                    "--dns-timeout",
                                    "0.2",
                                    "--dns-retries",
                                    "0"),
                            Map.of(),
                            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                            out,
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            List<String> statuses = new java.util.ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    statuses.add(new ObjectMapper().readTree(line).get("status").asText());
                }
            }
            assertThat(statuses)
                    .containsExactlyInAnyOrder(
                            "servfail", "resolved", "timeout", "refused", "resolved");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("5 names");
        }
    }

    @Test
    void outputThatCannotBeWrittenFailsTheCommand() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("ok.test. 300 IN A 192.0.2.1");
            java.io.OutputStream broken =
                    new java.io.OutputStream() {
                        @Override
                        public void write(int b) throws java.io.IOException {
                            throw new java.io.IOException("disk full");
                        }
                    };
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code =
                    ResolveCommand.run(
                            List.of("--resolvers", dns.spec(), "--types", "A"),
                            Map.of(),
                            new ByteArrayInputStream("ok.test\n".getBytes(StandardCharsets.UTF_8)),
                            broken,
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("cannot write the results")
                    .contains("disk full");
        }
    }
}
