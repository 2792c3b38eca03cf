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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** What one run of the command printed and returned. */
    record Ran(int code, String out, String err) {}

    /** Runs the command in this process, as a person would with this input. */
    static Ran resolve(List<String> args, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                ResolveCommand.run(
                        args,
                        Map.of(),
                        new ByteArrayInputStream(input),
                        out,
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> args(TestDnsServer dns, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--resolvers", dns.spec()));
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void commentAndBlankLinesAreNotNamesAndAnEmptyInputWritesNothing() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("a.test. 300 IN A 192.0.2.1");

            Ran listed =
                    resolve(
                            args(dns, "--types", "A"),
                            "# my names\n\n  a.test  \n#b.test\n".getBytes(StandardCharsets.UTF_8));
            Ran empty =
                    resolve(
                            args(dns, "--types", "A"),
                            "# nothing\n\n".getBytes(StandardCharsets.UTF_8));

            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out())
                    .isEqualTo(
                            "{\"domain\":\"a.test\",\"status\":\"resolved\",\"A\":"
                                    + "{\"status\":\"resolved\",\"values\":[\"192.0.2.1\"]}}\n");
            assertThat(listed.err()).contains("resolve: 1 names");
            assertThat(empty.code()).isZero();
            assertThat(empty.out()).as("not even a blank line").isEmpty();
            assertThat(empty.err()).contains("resolve: 0 names");
        }
    }

    @Test
    void csvHasARowPerRecordOrTypeAndTextARecordPerLineInTheOutputFile(@TempDir Path dir)
            throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("a.test. 300 IN A 192.0.2.1")
                    .add("a.test. 300 IN A 192.0.2.2")
                    .add("a.test. 300 IN MX 10 mx.a.test.")
                    .add("a.test. 300 IN TXT \"v=spf1 -all\"");
            Path names = dir.resolve("names.txt");
            Files.writeString(names, "a.test\nmissing.test\nbad,name\n");
            Path csv = dir.resolve("out.csv");
            Path text = dir.resolve("out.txt");

            Ran asCsv =
                    resolve(
                            args(
                                    dns,
                                    "--types",
                                    "A,MX,TXT",
                                    "--domains-file",
                                    names.toString(),
                                    "--output-file",
                                    csv.toString(),
                                    "--format",
                                    "csv"),
                            new byte[0]);
            Ran asText =
                    resolve(
                            args(
                                    dns,
                                    "--types",
                                    "A,MX,TXT",
                                    "--domains-file",
                                    names.toString(),
                                    "--output-file",
                                    text.toString(),
                                    "--format",
                                    "text"),
                            new byte[0]);

            assertThat(asCsv.code()).as(asCsv.err()).isZero();
            assertThat(asCsv.out()).as("the results go to the file").isEmpty();
            assertThat(Files.readAllLines(csv))
                    .first()
                    .isEqualTo("domain,status,type,type_status,value,value_base64");
            assertThat(Files.readAllLines(csv))
                    .containsExactlyInAnyOrder(
                            "domain,status,type,type_status,value,value_base64",
                            "a.test,resolved,A,resolved,192.0.2.1,",
                            "a.test,resolved,A,resolved,192.0.2.2,",
                            "a.test,resolved,MX,resolved,10 mx.a.test,",
                            "a.test,resolved,TXT,resolved,v=spf1 -all,",
                            "missing.test,nxdomain,A,nxdomain,,",
                            "missing.test,nxdomain,MX,nxdomain,,",
                            "missing.test,nxdomain,TXT,nxdomain,,",
                            "\"bad,name\",invalid,,,,");
            assertThat(asText.code()).as(asText.err()).isZero();
            assertThat(Files.readAllLines(text))
                    .containsExactlyInAnyOrder(
                            "a.test A 192.0.2.1",
                            "a.test A 192.0.2.2",
                            "a.test MX 10 mx.a.test",
                            "a.test TXT v=spf1 -all");
            assertThat(asText.err()).contains("nxdomain=1").contains("invalid=1");
        }
    }

    @Test
    void resumeResolvesOnlyTheNamesAnInterruptedRunDidNotWriteWhole(@TempDir Path dir)
            throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            for (int i = 0; i < 6; i++) {
                dns.add("n" + i + ".test. 300 IN A 192.0.2." + (i + 1));
            }
            Path names = dir.resolve("names.txt");
            Files.writeString(names, "n0.test\nn1.test\nN2.Test.\nn3.test\nn4.test\nn5.test\n");
            Path out = dir.resolve("out.ndjson");
            // what an interrupted run left: two whole results, the third cut short
            Files.writeString(
                    out,
                    "{\"domain\":\"n2.test\",\"status\":\"resolved\"}\n"
                            + "{\"domain\":\"n0.test\",\"status\":\"resolved\"}\n"
                            + "{\"domain\":\"n4.te");

            Ran resumed =
                    resolve(
                            args(
                                    dns,
                                    "--types",
                                    "A",
                                    "--domains-file",
                                    names.toString(),
                                    "--output-file",
                                    out.toString(),
                                    "--resume"),
                            new byte[0]);

            assertThat(resumed.code()).as(resumed.err()).isZero();
            ObjectMapper json = new ObjectMapper();
            List<String> written = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                written.add(json.readTree(line).get("domain").asText());
            }
            assertThat(written)
                    .as("every name once, the cut one again")
                    .containsExactlyInAnyOrder(
                            "n0.test", "n1.test", "n2.test", "n3.test", "n4.test", "n5.test");
            assertThat(dns.udpQueriesFor("n0.test")).isZero();
            assertThat(dns.udpQueriesFor("n2.test")).isZero();
            assertThat(resumed.err())
                    .contains("resuming: 2 names already have their result")
                    .contains("bytes removed")
                    .contains("resolve: 4 names")
                    .contains("2 names already in " + out + " were not resolved again");
        }
    }

    @Test
    void resumeNeedsAnOutputFileOfAFormatThatNamesEveryName() {
        Ran noOutput = resolve(List.of("--resume"), new byte[0]);
        Ran text =
                resolve(
                        List.of("--resume", "--output-file", "x.txt", "--format", "text"),
                        new byte[0]);

        assertThat(noOutput.code()).isEqualTo(2);
        assertThat(noOutput.err()).contains("--resume continues the results in --output-file FILE");
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("--resume needs --format json or csv");
    }

    @Test
    void anInputThatIsNotUtf8FailsAndSaysSo() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.add("a.test. 300 IN A 192.0.2.1");
            byte[] input = "a.test\nb\u00fccher.test\n".getBytes(StandardCharsets.ISO_8859_1);

            Ran ran = resolve(args(dns, "--types", "A"), input);

            assertThat(ran.code()).isEqualTo(1);
            assertThat(ran.err())
                    .contains("the input is not UTF-8 text")
                    .contains("iconv")
                    .doesNotContain("names in");
        }
    }

    @Test
    void anInterruptionMessageSaysWhatIsWrittenAndHowToContinue() {
        assertThat(Interruption.message(40, 100, Path.of("out.ndjson")))
                .isEqualTo(
                        "resolve: interrupted: 40 of the 100 names read have their result in"
                                + " out.ndjson; the same command with --resume continues where"
                                + " this one stopped");
        assertThat(Interruption.message(40, 100, null))
                .isEqualTo(
                        "resolve: interrupted: 40 of the 100 names read have their result on"
                                + " standard output");
    }
}
