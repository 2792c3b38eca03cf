/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameListFileTest {
    @TempDir Path dir;

    @Test
    void aByteOrderMarkCommentsAndBlankLinesAreNotNamesAndLineNumbersAreTheFilesOwn()
            throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(
                file, "\uFEFFfirst.example\r\n# a comment\n\n  second.example  \n#\nthird.example");
        List<String> seen = new ArrayList<>();

        NameListFile.forEach(file, (number, text) -> seen.add(number + ":" + text));

        assertThat(seen).containsExactly("1:first.example", "4:second.example", "6:third.example");
        assertThat(NameListFile.read(file))
                .containsExactly("first.example", "second.example", "third.example");
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNotAReplacementCharacter() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "b\u00fccher.example\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> NameListFile.read(file))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void aStreamIsReadByTheSameRulesAsAFileStrictUtf8Included() throws Exception {
        byte[] list =
                "\uFEFFfirst.example\r\n# a comment\n\n  b\u00fccher.example  \n"
                        .getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();

        NameListFile.forEach(
                new java.io.ByteArrayInputStream(list),
                (number, text) -> seen.add(number + ":" + text));

        assertThat(seen).containsExactly("1:first.example", "4:b\u00fccher.example");
        byte[] latin1 = "b\u00fccher.example\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(
                        () ->
                                NameListFile.forEach(
                                        new java.io.ByteArrayInputStream(latin1),
                                        (number, text) -> {}))
                .isInstanceOf(CharacterCodingException.class);
    }
}
