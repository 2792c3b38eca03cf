/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    static String legacySchema() throws IOException {
        try (InputStream in = SchemaMigratorTest.class.getResourceAsStream("/legacy-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Columns (name, type, length, nullability, default) and index definitions of the legacy
     * tables.
     */
    static List<String> legacyShape(TestDatabase db) {
        List<String> shape =
                new ArrayList<>(
                        db.queryStrings(
                                """
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-')
                  FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name IN
                       ('domains','a_records','aaaa_records','ns_records','soa_records','mx_records','cname_records','txt_records')
                 ORDER BY table_name, ordinal_position"""));
        shape.addAll(
                db.queryStrings(
                        """
                SELECT indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename IN
                       ('domains','a_records','aaaa_records','ns_records','soa_records','mx_records','cname_records','txt_records')
                 ORDER BY indexname"""));
        shape.addAll(
                db.queryStrings(
                        """
                SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid::regclass::text IN
                       ('domains','a_records','aaaa_records','ns_records','soa_records','mx_records','cname_records','txt_records')
                 ORDER BY 1"""));
        return shape;
    }

    @Test
    void createsTheLegacyTablesExactlyAsTheReferenceOnAnEmptyDatabase() throws Exception {
        try (TestDatabase migrated = TestDatabase.create();
                TestDatabase reference = TestDatabase.create()) {
            List<Integer> applied = new SchemaMigrator(migrated.database().dataSource()).migrate();
            reference.execute(legacySchema());

            assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 7);
            List<String> expected = legacyShape(reference);
            assertThat(expected).hasSizeGreaterThan(50);
            assertThat(legacyShape(migrated)).containsExactlyElementsOf(expected);
            assertThat(
                            migrated.queryStrings(
                                    "SELECT tablename FROM pg_tables WHERE tablename LIKE 'dnsx_%' ORDER BY 1"))
                    .containsExactly(
                            "dnsx_domain_outcomes",
                            "dnsx_invalid_names",
                            "dnsx_oversized_records",
                            "dnsx_removed_records",
                            "dnsx_run_counters",
                            "dnsx_run_members",
                            "dnsx_runs",
                            "dnsx_schema_history");
        }
    }

    @Test
    void leavesAProductionDatabaseItsTablesColumnsAndRows() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(legacySchema());
            // production has more than the reference: extra columns, extra tables, rows everywhere
            db.execute(
                    """
                    ALTER TABLE domains ADD COLUMN whois_raw TEXT;
                    ALTER TABLE a_records ADD COLUMN ttl INTEGER;
                    CREATE TABLE http_headers (id SERIAL PRIMARY KEY, domain_id INTEGER REFERENCES domains(id), h TEXT);
                    INSERT INTO domains (name, created_at, updated_at, country_code, whois_raw)
                         SELECT 'd' || g || '.example', now() - interval '1 day', now() - interval '1 day', 'DE', 'w' || g
                           FROM generate_series(1, 5000) g;
                    INSERT INTO a_records (domain_id, ip_address, created_at, updated_at, ttl)
                         SELECT id, '192.0.2.' || (id % 250), now(), now(), 300 FROM domains;
                    INSERT INTO txt_records (domain_id, content, updated_at) SELECT id, 'v=spf1 -all', now() FROM domains;
                    INSERT INTO http_headers (domain_id, h) SELECT id, 'server: x' FROM domains WHERE id % 7 = 0;
                    """);
            List<String> shapeBefore = legacyShape(db);
            List<String> rowsBefore = rowDigests(db);

            List<Integer> applied = new SchemaMigrator(db.database().dataSource()).migrate();

            assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(legacyShape(db)).containsExactlyElementsOf(shapeBefore);
            assertThat(rowDigests(db)).containsExactlyElementsOf(rowsBefore);
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_runs")).isZero();
        }
    }

    private static List<String> rowDigests(TestDatabase db) {
        List<String> digests = new ArrayList<>();
        for (String table : List.of("domains", "a_records", "txt_records", "http_headers")) {
            digests.add(
                    table
                            + " "
                            + db.queryStrings(
                                            "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "
                                                    + table
                                                    + " t")
                                    .get(0));
        }
        return digests;
    }

    @Test
    void upgradingToOutcomesByRunKeepsEveryOutcomeEachInItsRunsPartition() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate(6);
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) SELECT 'u' || g || '.test', now(), now()"
                            + " FROM generate_series(1, 30) g");
            db.execute(
                    "INSERT INTO dnsx_runs (id, name, record_types) VALUES (4, 'ns/old-a', '{A}'), (9, 'ns/old-b', '{A}')");
            db.execute(
                    "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, type_outcomes, attempts, resolved_at)"
                            + " SELECT CASE WHEN id % 3 = 0 THEN 9 ELSE 4 END, id, 'timeout', 'A=timeout', 3, now() FROM domains");
            String before =
                    String.join(
                            ",",
                            db.queryStrings(
                                    "SELECT run_id || ':' || domain_id || ':' || outcome || ':'"
                                            + " || type_outcomes || ':' || attempts FROM dnsx_domain_outcomes ORDER BY 1"));

            assertThat(new SchemaMigrator(db.database().dataSource()).migrate()).contains(7);

            assertThat(
                            String.join(
                                    ",",
                                    db.queryStrings(
                                            "SELECT run_id || ':' || domain_id || ':' || outcome || ':'"
                                                    + " || type_outcomes || ':' || attempts FROM dnsx_domain_outcomes ORDER BY 1")))
                    .isEqualTo(before);
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes_r4")).isEqualTo(20);
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes_r9")).isEqualTo(10);
            long next =
                    db.queryLong(
                            "INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/new', '{A}') RETURNING id");
            db.execute(
                    "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at) VALUES ("
                            + next
                            + ", 1, 'resolved', now())");
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes_r" + next))
                    .as("a new run's own partition")
                    .isEqualTo(1);
        }
    }

    @Test
    void appliesNothingTheSecondTime() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            assertThat(new SchemaMigrator(db.database().dataSource()).migrate()).isEmpty();
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_schema_history"))
                    .isEqualTo(SchemaMigrator.SCRIPTS.size());
        }
    }

    @Test
    void refusesAnAppliedScriptThatWasEditedAfterwards() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute("UPDATE dnsx_schema_history SET checksum = 'edited' WHERE version = 2");

            assertThatThrownBy(() -> new SchemaMigrator(db.database().dataSource()).migrate())
                    .isInstanceOf(SchemaMigrationException.class)
                    .hasMessageContaining("V2")
                    .hasMessageContaining("different script");
        }
    }

    @Test
    void refusesADatabaseNewerThanTheProgram() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO dnsx_schema_history (version, description, checksum) VALUES (99, 'future', 'x')");

            assertThatThrownBy(() -> new SchemaMigrator(db.database().dataSource()).migrate())
                    .hasMessageContaining("version 99")
                    .hasMessageContaining("upgrade the program");
        }
    }

    @Test
    void aConnectionLostWhileMigratingIsAnOutageNotASchemaProblem() throws Exception {
        try (TestDatabase db = TestDatabase.create();
                Connection holder = db.connection()) {
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + SchemaMigrator.LOCK_KEY + ")");
            }
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<List<Integer>> migration =
                        thread.submit(
                                () -> new SchemaMigrator(db.database().dataSource()).migrate());
                String waiting = "FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> db.queryLong("SELECT count(*) " + waiting) == 1);

                // the migrator's backend ends as in a server restart or a failover
                db.execute("SELECT pg_terminate_backend(pid) " + waiting);

                assertThatThrownBy(() -> migration.get(20, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("lost while migrating");
                assertThat(new DatabaseUnavailableException("x", null).exitCode())
                        .isEqualTo(ExitCodes.DATABASE);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    @Test
    void aSchemaProblemIsAConfigurationErrorThatNoRetryCures() {
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute("UPDATE dnsx_schema_history SET checksum = 'edited' WHERE version = 2");

            assertThatThrownBy(() -> new SchemaMigrator(db.database().dataSource()).migrate())
                    .isInstanceOfSatisfying(
                            SchemaMigrationException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIGURATION));
        }
    }

    @Test
    void namesTheMissingUniqueIndexesOfALegacyDatabase() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(legacySchema());
            db.execute(
                    "DROP INDEX ux_txt_records_domain_id_content; DROP INDEX ux_mx_records_domain_id_exchange_priority;");

            assertThatThrownBy(() -> new SchemaMigrator(db.database().dataSource()).migrate())
                    .isInstanceOf(SchemaMigrationException.class)
                    .hasMessageContaining("txt_records(domain_id, content)")
                    .hasMessageContaining("mx_records(domain_id, exchange, priority)");
        }
    }

    @Test
    void twoProcessesAndSeveralThreadsMigratingAtOnceApplyEachScriptOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ProcessBuilder pb =
                        new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                MigrateCommand.class.getName(),
                                "--postgres-dsn",
                                db.dsnText());
                pb.redirectErrorStream(true);
                processes.add(pb.start());
            }
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<List<Integer>>> inProcess = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<List<Integer>> task =
                        () -> new SchemaMigrator(db.database().dataSource()).migrate();
                inProcess.add(threads.submit(task));
            }
            List<Integer> appliedInProcess = new ArrayList<>();
            for (Future<List<Integer>> f : inProcess) {
                appliedInProcess.addAll(f.get(60, TimeUnit.SECONDS));
            }
            threads.shutdown();
            for (Process p : processes) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(out).isZero();
            }

            assertThat(db.queryStrings("SELECT version FROM dnsx_schema_history ORDER BY version"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7");
            assertThat(appliedInProcess).doesNotHaveDuplicates();
            assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'domains'"))
                    .isEqualTo(1);
        }
    }
}
