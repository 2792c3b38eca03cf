/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.purplejo.dns.testing.PseudoTerminal;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.worker.WorkerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dns-worker.jar resolve} as a person runs it: its own process, Ctrl-C, a terminal. */
class ResolveProcessTest {
    private static final int NAMES = 300;

    @TempDir Path dir;

    /** A resolve process of the worker's entry point, with this test's class path. */
    private static List<String> resolveCommand(TestDnsServer dns, String... more) {
        List<String> args =
                new ArrayList<>(List.of("resolve", "--resolvers", dns.spec(), "--types", "A"));
        args.addAll(List.of(more));
        return PseudoTerminal.javaCommand(WorkerMain.class, args.toArray(String[]::new));
    }

    private Path names(TestDnsServer dns) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < NAMES; i++) {
            dns.add("n" + i + ".test. 300 IN A 192.0.2." + (1 + i % 250));
            list.append("n").append(i).append(".test\n");
        }
        return Files.writeString(dir.resolve("names.txt"), list.toString());
    }

    @Test
    void ctrlCLeavesWholeResultsSaysHowToContinueAndResumeFinishesEveryNameOnce() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            Path names = names(dns);
            dns.behaveForAll(TestDnsServer.Behavior.DELAY).delay(150);
            Path out = dir.resolve("out.ndjson");
            Path err = dir.resolve("err.txt");
            Process p =
                    new ProcessBuilder(
                                    resolveCommand(
                                            dns,
                                            "--concurrency",
                                            "4",
                                            "--domains-file",
                                            names.toString(),
                                            "--output-file",
                                            out.toString()))
                            .redirectError(err.toFile())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(out) && Files.readAllLines(out).size() >= 10);

            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(130);
            List<String> kept = Files.readAllLines(out);
            assertThat(kept.size()).isBetween(10, NAMES - 1);
            assertThat(Files.readString(out)).as("whole lines only").endsWith("}\n");
            assertThat(Files.readString(err))
                    .contains("resolve: interrupted: " + kept.size() + " of the")
                    .contains("--resume continues");

            dns.behaveForAll(TestDnsServer.Behavior.ANSWER);
            ResolveCommandTest.Ran resumed =
                    ResolveCommandTest.resolve(
                            List.of(
                                    "--resolvers",
                                    dns.spec(),
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
            List<String> written = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                written.add(json.readTree(line).get("domain").asText());
            }
            Set<String> distinct = new HashSet<>(written);
            assertThat(written).hasSize(NAMES).doesNotHaveDuplicates();
            assertThat(distinct).contains("n0.test", "n" + (NAMES - 1) + ".test");
        }
    }

    @Test
    void onAnEightyColumnTerminalTheStatisticsLineIsRedrawnInPlaceAndFits() throws Exception {
        assumeTrue(PseudoTerminal.available(), "script(1) for a pty");
        try (TestDnsServer dns = TestDnsServer.start()) {
            Path names = names(dns);
            dns.behaveForAll(TestDnsServer.Behavior.DELAY).delay(50);
            Path out = dir.resolve("out.ndjson");
            String command =
                    "stty cols 80 rows 24; TERM=xterm "
                            + String.join(
                                    " ",
                                    resolveCommand(
                                            dns,
                                            "--concurrency",
                                            "5",
                                            "--domains-file",
                                            names.toString(),
                                            "--output-file",
                                            out.toString()));
            String screen = PseudoTerminal.run(command);

            assertThat(screen).as(screen).contains("\rresolve: ").contains("\033[K");
            List<String> drawn = new ArrayList<>();
            for (String piece : screen.split("[\r\n]")) {
                String visible = piece.replace("\033[K", "");
                if (visible.startsWith("resolve: ")
                        && visible.contains(" of " + NAMES + " names")) {
                    drawn.add(visible);
                }
            }
            assertThat(drawn).as(screen).isNotEmpty();
            assertThat(drawn).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
            assertThat(screen).contains("resolve: " + NAMES + " names in");
            assertThat(Files.readAllLines(out)).hasSize(NAMES);
        }
    }
}
