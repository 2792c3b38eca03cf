/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLoaderTest {
    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void namesAreStoredAsTheRestOfTheSystemStoresThemAndExistingOnesAreKept() throws Exception {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES ('old.example', '2020-01-01', '2020-01-01')");
        Path file = dir.resolve("names.txt");
        Files.writeString(
                file,
                "# header\n\nWWW.Example.COM.\nold.example\n  spaced.example  \nbücher.example\n"
                        + "www.example.com\n");

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.inserted()).isEqualTo(3);
        assertThat(r.alreadyPresent()).isEqualTo(1);
        assertThat(r.invalid()).isZero();
        assertThat(db.queryStrings("SELECT name FROM domains ORDER BY name"))
                .containsExactly(
                        "bücher.example", "old.example", "spaced.example", "www.example.com");
        assertThat(
                        db.queryStrings(
                                "SELECT updated_at::date::text FROM domains WHERE name = 'old.example'"))
                .as("an existing row is not touched")
                .containsExactly("2020-01-01");
    }

    @Test
    void bothSpellingsOfAnInternationalisedNameAreOneRowAndALegacyRowInEitherIsKept()
            throws Exception {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES ('xn--mnchen-3ya.example', now(), now())");
        Path file = dir.resolve("names.txt");
        Files.writeString(
                file, "bücher.example\nxn--bcher-kva.example\nBÜCHER.example.\nmünchen.example\n");

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.alreadyPresent()).isEqualTo(1);
        assertThat(db.queryStrings("SELECT name FROM domains ORDER BY name"))
                .as("the legacy row in punycode is the row of münchen.example")
                .containsExactly("bücher.example", "xn--mnchen-3ya.example");

        Files.writeString(file, "xn--bcher-kva.example\n");
        assertThat(DomainLoader.load(db.database().dataSource(), file).inserted()).isZero();
    }

    @Test
    void aByteOrderMarkDoesNotMakeTheFirstNameInvalid() throws Exception {
        Path file = dir.resolve("bom.txt");
        Files.writeString(file, "\uFEFFfirst.example\nsecond.example\n");

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.invalid()).isZero();
        assertThat(db.queryStrings("SELECT name FROM domains ORDER BY name"))
                .containsExactly("first.example", "second.example");
    }

    @Test
    void manyInvalidLinesShowTheFirstAndSayTheLogHasEveryOne() throws Exception {
        Path file = dir.resolve("junk.txt");
        Files.writeString(
                file,
                IntStream.range(0, 25)
                        .mapToObj(i -> "bad name " + i)
                        .collect(Collectors.joining("\n")));

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.invalid()).isEqualTo(25);
        assertThat(r.describe(file))
                .contains("line 1 'bad name 0'")
                .contains("line 10 'bad name 9'")
                .doesNotContain("line 11 ")
                .contains("(all 25 are listed in the log)");
    }

    @Test
    void invalidLinesAreReportedWithTheirLineNumbersAndNotLoaded() throws Exception {
        Path file = dir.resolve("names.txt");
        Files.writeString(file, "good.example\nbad name\n" + "x".repeat(64) + ".example\n");

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.invalid()).isEqualTo(2);
        assertThat(r.describe(file))
                .contains("2 lines are not valid names and were not loaded")
                .contains("line 2 'bad name' (contains a space)")
                .contains("line 3 '");
        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(1);
    }

    @Test
    void largeListsAreLoadedInBatches() throws Exception {
        Path file = dir.resolve("names.txt");
        Files.writeString(
                file,
                IntStream.range(0, 25_000)
                        .mapToObj(i -> "n" + i + ".example")
                        .collect(Collectors.joining("\n")));

        DomainLoader.Report r = DomainLoader.load(db.database().dataSource(), file);

        assertThat(r.inserted()).isEqualTo(25_000);
        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(25_000);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path file = dir.resolve("names.txt");
        Files.write(file, new byte[] {'a', '.', 'b', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThatThrownBy(() -> DomainLoader.load(db.database().dataSource(), file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("not UTF-8");
    }
}
