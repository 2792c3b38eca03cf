/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FillFactorTest {

    @ParameterizedTest
    @CsvSource({
        "90, ALTER TABLE domains SET (fillfactor = 90)",
        "10, ALTER TABLE domains SET (fillfactor = 10)",
        "100, ALTER TABLE domains RESET (fillfactor)"
    })
    void eachPercentBecomesOneStatementPerTableAndPostgresDefaultIsAReset(
            int percent, String firstStatement) {
        List<String> sql = FillFactor.statements(percent);

        assertThat(sql).hasSize(8).first().isEqualTo(firstStatement);
        assertThat(sql.get(7)).startsWith("ALTER TABLE txt_records ");
    }

    @Test
    void theTablesAreDomainsAndTheSevenRecordTables() {
        assertThat(FillFactor.TABLES)
                .containsExactly(
                        "domains",
                        "a_records",
                        "aaaa_records",
                        "ns_records",
                        "soa_records",
                        "mx_records",
                        "cname_records",
                        "txt_records");
    }

    @Test
    void aFillFactorPostgresRefusesIsRefusedBeforeAnyStatement() {
        assertThatThrownBy(() -> FillFactor.statements(9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FillFactor.statements(101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void migrateLeavesAUsersFillFactorAloneUnlessAskedThenSetsAndResetsIt() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            String dsn = db.dsnText();
            assertThat(migrate("--postgres-dsn", dsn)).contains("applied schema migrations");
            db.execute("ALTER TABLE mx_records SET (fillfactor = 70)");

            assertThat(migrate("--postgres-dsn", dsn)).doesNotContain("fill factor");
            try (var c = db.connection()) {
                assertThat(FillFactor.read(c)).containsEntry("mx_records", 70);
            }

            String set = migrate("--postgres-dsn", dsn, "--fillfactor", "85");
            assertThat(set)
                    .contains("fill factor 85 set on domains, a_records")
                    .contains("mx_records 70");
            try (var c = db.connection()) {
                assertThat(FillFactor.read(c))
                        .hasSize(8)
                        .allSatisfy((t, ff) -> assertThat(ff).as(t).isEqualTo(85));
            }

            migrate("--postgres-dsn", dsn, "--fillfactor", "100");
            try (var c = db.connection()) {
                assertThat(FillFactor.read(c))
                        .hasSize(8)
                        .containsValues(100)
                        .doesNotContainValue(85);
                assertThat(
                                db.queryLong(
                                        "SELECT count(*) FROM pg_class WHERE oid ="
                                                + " 'public.domains'::regclass AND reloptions"
                                                + " IS NOT NULL"))
                        .as("a reset leaves no parameter behind")
                        .isZero();
            }
        }
    }

    @Test
    void aFillFactorOutOfRangeIsAConfigurationErrorAndChangesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            int code =
                    MigrateCommand.run(
                            List.of("--postgres-dsn", db.dsnText(), "--fillfactor", "5"), Map.of());

            assertThat(code).isEqualTo(2);
            assertThat(db.queryLong("SELECT count(to_regclass('public.domains'))"))
                    .as("nothing was migrated either")
                    .isZero();
        }
    }

    /** {@code migrate ARGS}'s standard output; it must succeed. */
    private static String migrate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                MigrateCommand.run(
                        List.of(args),
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
