/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TableStatisticsTest {

    @Test
    void tablesNeverAnalysedArePartitionedOnesAlwaysAndFreshOnesNotAgain() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            try (Connection c = db.connection();
                    Statement st = c.createStatement()) {
                st.execute(
                        "INSERT INTO domains (name, created_at, updated_at) SELECT 'n' || g ||"
                                + " '.example', now(), now() FROM generate_series(1, 5000) g");
            }

            var first = TableStatistics.refresh(db.database().dataSource());
            var second = TableStatistics.refresh(db.database().dataSource());

            assertThat(first)
                    .contains("public.domains", "public.a_records", "public.dnsx_domain_outcomes")
                    .doesNotHaveDuplicates();
            assertThat(second)
                    .as("analysed a moment ago and unchanged since: not again")
                    .doesNotContain("public.domains", "public.a_records")
                    .as("autovacuum never analyses a partitioned table: every time")
                    .contains("public.dnsx_domain_outcomes");
            try (Connection c = db.connection();
                    Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT last_analyze IS NOT NULL, reltuples FROM"
                                            + " pg_stat_user_tables s JOIN pg_class c ON c.oid ="
                                            + " s.relid WHERE s.relname = 'domains'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getLong(2)).as("the planner knows the rows").isEqualTo(5000);
            }
        }
    }
}
