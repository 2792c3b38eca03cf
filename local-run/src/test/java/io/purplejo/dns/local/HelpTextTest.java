/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.publisher.PublisherSettings;
import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.worker.cli.ResolveCommand;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every command's {@code --help}, as a person reads it in an 80-column terminal: snapshots in
 * docs/help/ (a change to a help text shows in review), no line reaching the last column. With
 * {@code DNSX_UPDATE_DOCS=1} the snapshots are written.
 */
class HelpTextTest {
    private static final Path DIR = Path.of("..", "docs", "help");

    static Map<String, String> helpTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("dns-worker.txt", WorkerSettings.declare().usage());
        texts.put("dns-worker-resolve.txt", ResolveCommand.declare().usage());
        texts.put("dns-worker-migrate.txt", MigrateCommand.declare().usage());
        texts.put("dns-publisher.txt", PublisherSettings.declare().usage());
        texts.put("dns-operator.txt", OperatorSettings.declare().usage());
        texts.put("dns-extraction.txt", localHelp(List.of("--help")));
        for (String command : List.of("run", "validate", "query", "db", "duplicates")) {
            texts.put("dns-extraction-" + command + ".txt", localHelp(List.of(command, "--help")));
        }
        return texts;
    }

    private static String localHelp(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                LocalMain.run(
                        args,
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandsHelpIsItsSnapshotAndFitsAnEightyColumnTerminal() throws IOException {
        boolean update = "1".equals(System.getenv("DNSX_UPDATE_DOCS"));
        for (Map.Entry<String, String> help : helpTexts().entrySet()) {
            Path snapshot = DIR.resolve(help.getKey());
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(snapshot, help.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(snapshot, StandardCharsets.UTF_8))
                    .as("docs/help/%s is stale: run with DNSX_UPDATE_DOCS=1", help.getKey())
                    .isEqualTo(help.getValue());
            assertThat(help.getValue().split("\n"))
                    .as(help.getKey())
                    .allSatisfy(line -> assertThat(line.length()).isLessThan(80));
            assertThat(help.getValue()).as(help.getKey()).containsPattern("exit codes:\\s+0 ");
        }
    }

    @Test
    void eachOneMachineCommandListsOnlyTheOptionsItReads() {
        Map<String, String> texts = helpTexts();

        assertThat(texts.get("dns-extraction-validate.txt"))
                .doesNotContain("--workers")
                .doesNotContain("--postgres-dsn");
        assertThat(texts.get("dns-extraction-query.txt"))
                .contains("--postgres-dsn")
                .doesNotContain("--workers")
                .doesNotContain("--rabbitmq-url");
        assertThat(texts.get("dns-extraction-run.txt"))
                .contains("--workers")
                .contains("-o, --output=summary|yaml|json");
        assertThat(texts.get("dns-worker.txt"))
                .contains("resolve")
                .contains("migrate")
                .contains("completion");
        assertThat(texts.get("dns-extraction.txt")).contains("completion");
    }

    @Test
    void theLongListsAreGroupedBySection() {
        Map<String, String> texts = helpTexts();

        assertThat(texts.get("dns-worker.txt"))
                .containsSubsequence(
                        "\ndatabase and broker:\n",
                        "--postgres-dsn",
                        "\nDNS:\n",
                        "--resolvers",
                        "\nstorage:\n",
                        "--write-batch-size",
                        "\noperation:\n",
                        "--metrics-port");
        assertThat(texts.get("dns-publisher.txt"))
                .containsSubsequence(
                        "\nselection:\n", "--select", "\npublishing:\n", "--page-size");
        assertThat(texts.get("dns-extraction-run.txt"))
                .containsSubsequence(
                        "\nthe run:\n", "--workers", "\nwhat it shows:\n", "--progress");
    }
}
