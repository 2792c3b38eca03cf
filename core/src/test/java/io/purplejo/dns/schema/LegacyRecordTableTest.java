/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyRecordTableTest {

    @Test
    void namesEveryRecordTableOfTheReferenceSchemaWithTheColumnsOfItsUniqueIndex()
            throws Exception {
        try (TestDatabase reference = TestDatabase.create()) {
            reference.execute(SchemaMigratorTest.legacySchema());

            List<String> inReference =
                    reference.queryStrings(
                            """
                    SELECT t.relname || '(' || string_agg(a.attname, ', ' ORDER BY k.ord) || ')'
                      FROM pg_index i
                      JOIN pg_class t ON t.oid = i.indrelid
                      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE i.indisunique AND NOT i.indisprimary AND t.relname LIKE '%\\_records'
                     GROUP BY t.relname, i.indexrelid ORDER BY 1""");
            List<String> listed =
                    Arrays.stream(LegacyRecordTable.values())
                            .map(t -> t.tableName() + "(" + String.join(", ", t.uniqueKey()) + ")")
                            .sorted()
                            .toList();

            assertThat(inReference).hasSize(7).containsExactlyElementsOf(listed);
        }
    }
}
