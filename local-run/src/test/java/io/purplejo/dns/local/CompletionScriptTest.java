/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.testing.BashCompletion;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The script {@code dns-extraction.jar completion} prints, completing in a real bash. */
class CompletionScriptTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "[{0}] completes to [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "'dns-extraction '                  | run validate query db duplicates",
                "'dns-extraction run --dom'         | --domains-file",
                "'dns-extraction run -o '           | summary yaml json",
                "'dns-extraction run --progress '   | auto bar lines",
            })
    void completesTheCommandsOptionsAndChoicesOfTheOneMachineCommand(String line, String expected)
            throws Exception {
        assertThat(
                        BashCompletion.complete(
                                dir, LocalMain.completionScript(), "dns-extraction", line))
                .containsExactlyInAnyOrder(expected.split(" "));
    }
}
