/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalSettingsTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--domains-file, names.txt",
        "--domains, names.txt",
    })
    void theListOfNamesIsGivenUnderItsNameOrTheFormerOne(String option, String file) {
        LocalSettings settings =
                LocalSettings.from(
                        LocalSettings.declare("run")
                                .parse(List.of("run.yaml", option, file), Map.of("HOME", "/h")),
                        Map.of("HOME", "/h"));

        assertThat(settings.domainsFile()).isEqualTo(Path.of(file));
    }
}
