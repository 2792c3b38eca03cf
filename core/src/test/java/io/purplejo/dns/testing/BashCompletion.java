/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A completion script sourced by a real bash and asked to complete a line, as the shell would. */
public final class BashCompletion {
    private BashCompletion() {}

    /**
     * What bash's programmable completion offers for {@code line} (the cursor at its end), with the
     * script's completion function for {@code command}, run in {@code dir}.
     */
    public static List<String> complete(Path dir, String script, String command, String line)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve("completion.bash"), script);
        String driver =
                """
                source ./completion.bash
                compopt() { :; }  # only valid inside a real completion; the test calls directly
                line="$1"
                read -ra COMP_WORDS <<< "$line"
                [[ "$line" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMP_LINE="$line"; COMP_POINT=${#line}
                COMPREPLY=()
                "_complete_$2" "$2" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        Files.writeString(dir.resolve("driver.bash"), driver);
        Process bash =
                new ProcessBuilder("bash", "driver.bash", line, command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
