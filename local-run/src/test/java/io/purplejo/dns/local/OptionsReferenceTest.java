/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.operator.settings.OperatorSettings;
import io.purplejo.dns.publisher.PublisherSettings;
import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.worker.cli.ResolveCommand;
import io.purplejo.dns.worker.service.WorkerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/options.md is the options of every command, rendered from their declarations; this test
 * fails when it is stale and, with {@code DNSX_UPDATE_DOCS=1}, writes it.
 */
class OptionsReferenceTest {
    private static final Path DOC = Path.of("..", "docs", "options.md");

    static String render() {
        StringBuilder sb =
                new StringBuilder(
                        "# Options of every command\n\n"
                                + "<!-- Generated from the options' declarations by"
                                + " local-run OptionsReferenceTest; do not edit: run\n"
                                + "     DNSX_UPDATE_DOCS=1 mvn -pl local-run -am test"
                                + " -Dtest=OptionsReferenceTest"
                                + " -Dsurefire.failIfNoSpecifiedTests=false -->\n\n"
                                + "Each option is also read from the environment variable"
                                + " beside it; the command line wins, and a blank value counts"
                                + " as not given. Switches take `--name` / `--no-name`, or"
                                + " `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`) in"
                                + " the environment. `--help` after any command lists them.\n");
        section(
                sb,
                "The queue worker",
                "java -jar dns-worker.jar [options]",
                WorkerSettings.declare());
        section(
                sb,
                "Standalone resolution",
                "java -jar dns-worker.jar resolve [options] < names.txt",
                ResolveCommand.declare());
        section(
                sb,
                "The publisher",
                "java -jar dns-publisher.jar [options]",
                PublisherSettings.declare());
        section(
                sb,
                "Schema migration (every image)",
                "java -jar dns-worker.jar migrate [options]",
                MigrateCommand.declare());
        section(
                sb,
                "The operator",
                "java -jar dns-operator.jar [options]",
                OperatorSettings.declare());
        section(
                sb,
                "The one-machine command",
                "java -jar dns-extraction.jar run FILE [options]",
                LocalSettings.declare("run"));
        for (String command : new String[] {"query", "db", "duplicates"}) {
            section(
                    sb,
                    "The one-machine command: " + command,
                    "java -jar dns-extraction.jar "
                            + command
                            + (command.equals("query") ? " DOMAIN" : "")
                            + " [options]",
                    LocalSettings.declare(command));
        }
        sb.append(
                "\n`java -jar dns-extraction.jar validate FILE` takes no option but `--help` and"
                        + " `--version`.\n");
        return sb.toString();
    }

    private static void section(
            StringBuilder sb, String title, String invocation, CommandLineOptions options) {
        sb.append("\n## ")
                .append(title)
                .append("\n\n`")
                .append(invocation)
                .append("`\n\n")
                .append(options.markdownTable());
    }

    @Test
    void theOptionsReferenceIsRenderedFromTheDeclarations() throws IOException {
        String rendered = render();
        if ("1".equals(System.getenv("DNSX_UPDATE_DOCS"))) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/options.md is stale: run the command in its header")
                .isEqualTo(rendered);
    }
}
