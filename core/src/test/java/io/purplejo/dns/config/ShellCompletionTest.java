/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.testing.BashCompletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The completion script, sourced by a real bash and asked to complete as the shell would. */
class ShellCompletionTest {
    /** What run prints, for the choice. */
    enum Output {
        SUMMARY,
        YAML,
        JSON
    }

    private static final Option<Output> OUTPUT =
            Option.choice("output", "OUTPUT", Output.SUMMARY, Output.class, "what to print");
    private static final Option<Integer> WORKERS =
            Option.integer("workers", "WORKERS", 2, 1, 64, "workers");
    private static final Option<Boolean> VERBOSE =
            Option.flag("verbose", "VERBOSE", false, "debug logging");

    @TempDir Path dir;
    private String script;

    @BeforeEach
    void makeScript() throws IOException {
        Map<String, CommandLineOptions> commands = new LinkedHashMap<>();
        commands.put(
                "run",
                new CommandLineOptions("dnsx run")
                        .add(WORKERS, OUTPUT, VERBOSE)
                        .shortForm('o', OUTPUT)
                        .argumentsAreFiles());
        commands.put("query", new CommandLineOptions("dnsx query").add(VERBOSE));
        script = ShellCompletion.bash("dnsx", new CommandLineOptions("dnsx.jar"), commands);
        Files.writeString(dir.resolve("run.yaml"), "kind: DnsExtractionRun\n");
    }

    @ParameterizedTest(name = "[{0}] completes to [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "'dnsx '                 | query run",
                "'dnsx r'                | run",
                "'dnsx run --w'          | --workers",
                "'dnsx run --output '    | summary yaml json",
                "'dnsx run -o y'         | yaml",
                "'dnsx run --ve'         | --verbose --version",
                "'dnsx query --'         | --verbose --help --version",
            })
    void completesCommandsOptionsAndChoices(String line, String expected) throws Exception {
        assertThat(complete(line)).containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void offersFilesWhereACommandTakesFiles() throws Exception {
        assertThat(complete("dnsx run ")).contains("run.yaml");
    }

    private List<String> complete(String line) throws Exception {
        return BashCompletion.complete(dir, script, "dnsx", line);
    }
}
