/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.config.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePointTest {
    @TempDir Path dir;

    @Test
    void aJsonLineCutShortIsRemovedAndItsNameResolvedAgain() throws Exception {
        Path out = dir.resolve("results.ndjson");
        String whole =
                "{\"domain\":\"a.test\",\"status\":\"resolved\"}\n"
                        + "{\"domain\":\"bad name\",\"status\":\"invalid\"}\n";
        Files.writeString(out, whole + "{\"domain\":\"c.te");

        ResumePoint point = ResumePoint.read(out, ResultFormat.JSON);
        point.cutTo(out);

        assertThat(point.done()).containsExactlyInAnyOrder("a.test", "bad name");
        assertThat(point.cutsTail()).isTrue();
        assertThat(Files.readString(out)).isEqualTo(whole);
        assertThat(point.isDone("A.Test.")).as("the same name as written differently").isTrue();
        assertThat(point.isDone("bad name")).isTrue();
        assertThat(point.isDone("c.test")).isFalse();
    }

    @Test
    void theLastNamesCsvRowsAreRemovedAsTheyMayBeIncomplete() throws Exception {
        Path out = dir.resolve("results.csv");
        String kept =
                CsvRowsWriter.HEADER
                        + "\n"
                        + "a.test,resolved,A,resolved,192.0.2.1,\n"
                        + "a.test,resolved,MX,no_data,,\n";
        Files.writeString(
                out, kept + "b.test,resolved,A,resolved,192.0.2.2,\n" + "b.test,resolved,A,res");

        ResumePoint point = ResumePoint.read(out, ResultFormat.CSV);
        point.cutTo(out);

        assertThat(point.done()).containsExactly("a.test");
        assertThat(Files.readString(out)).isEqualTo(kept);
    }

    @Test
    void aMissingOrEmptyFileHasNothingDoneAndNothingToCut() throws Exception {
        assertThat(ResumePoint.read(dir.resolve("none.ndjson"), ResultFormat.JSON).done())
                .isEmpty();
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        ResumePoint point = ResumePoint.read(empty, ResultFormat.CSV);
        assertThat(point.done()).isEmpty();
        assertThat(point.cutsTail()).isFalse();
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNotOverwritten() throws Exception {
        Path text = dir.resolve("results.txt");
        Files.writeString(text, "a.test A 192.0.2.1\nb.test A 192.0.2.2\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResumePoint.read(text, ResultFormat.JSON))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1 is not a result of resolve --format json");
        assertThatThrownBy(() -> ResumePoint.read(text, ResultFormat.CSV))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("does not start with resolve's CSV header");
        assertThat(Files.readString(text)).startsWith("a.test A");
    }

    @Test
    void csvFieldsRoundTripThroughQuoting() {
        for (String field : new String[] {"a.test", "bad,name", "say \"hi\"", ""}) {
            String row = CsvRowsWriter.quoted(field) + ",resolved,A";
            assertThat(CsvRowsWriter.firstField(row)).isEqualTo(field);
        }
        assertThat(CsvRowsWriter.quoted("bad,name")).isEqualTo("\"bad,name\"");
        assertThat(CsvRowsWriter.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void aCsvFileCutWithinItsHeaderKeepsNothingSoTheHeaderIsWrittenAgain() throws Exception {
        Path out = dir.resolve("cut-header.csv");
        Files.writeString(out, "domain,sta");

        ResumePoint point = ResumePoint.read(out, ResultFormat.CSV);
        point.cutTo(out);

        assertThat(point.wholeBytes()).isZero();
        assertThat(point.done()).isEmpty();
        assertThat(Files.size(out)).isZero();
    }
}
