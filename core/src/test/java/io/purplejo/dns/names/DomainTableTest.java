/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainTableTest {
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

    private void row(String name) {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES ('"
                        + name
                        + "', now(), now())");
    }

    @Test
    void aNameIsFoundUnderEitherSpellingAndOnlyANameWithNeitherIsInserted() throws Exception {
        row("xn--mnchen-3ya.example");
        try (Connection c = db.connection()) {
            DomainTable.Rows rows =
                    DomainTable.findOrInsert(
                            c,
                            List.of(
                                    DomainName.of("münchen.example"),
                                    DomainName.of("xn--bcher-kva.example")));

            assertThat(rows.inserted()).isEqualTo(1);
            assertThat(rows.ids()).hasSize(2);
            assertThat(DomainTable.find(c, List.of(DomainName.of("BÜCHER.example."))))
                    .containsValue(rows.ids().get(DomainName.of("bücher.example")));
        }
        assertThat(db.queryStrings("SELECT name FROM domains ORDER BY name"))
                .containsExactly("bücher.example", "xn--mnchen-3ya.example");
    }

    @Test
    void whenBothSpellingsHaveRowsTheStoredFormsRowIsUsed() throws Exception {
        row("xn--bcher-kva.example");
        row("bücher.example");
        long unicodeRow = db.queryLong("SELECT id FROM domains WHERE name = 'bücher.example'");
        try (Connection c = db.connection()) {
            assertThat(DomainTable.find(c, List.of(DomainName.of("xn--bcher-kva.example"))))
                    .containsValue((int) unicodeRow);
        }
    }

    @Test
    void duplicateRowsOfOneDomainAreReportedAndNothingIsChanged() throws Exception {
        for (String name :
                List.of(
                        "bücher.example",
                        "xn--bcher-kva.example",
                        "Example.COM",
                        "example.com",
                        "EXAMPLE.com.",
                        "plain.org",
                        "münchen.example",
                        "xn--strae-oqa.example")) {
            row(name);
        }
        try (Connection c = db.connection()) {
            List<DuplicateDomains.Group> groups = DuplicateDomains.find(c);

            assertThat(groups)
                    .extracting(DuplicateDomains.Group::domain)
                    .containsExactly("bücher.example", "example.com");
            assertThat(groups.get(0).rows())
                    .extracting(DuplicateDomains.Row::name)
                    .containsExactly("bücher.example", "xn--bcher-kva.example");
            assertThat(groups.get(1).rows())
                    .extracting(DuplicateDomains.Row::name)
                    .as("the row new records go to first")
                    .startsWith("example.com")
                    .containsExactlyInAnyOrder("example.com", "Example.COM", "EXAMPLE.com.");
        }
        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(8);
    }
}
