/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeRetentionTest {
    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) SELECT 'r' || g || '.test', now(), now()"
                        + " FROM generate_series(1, 50) g");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A run of 50 outcomes, the last stored {@code lastOutcomeDaysAgo} days ago. */
    private long run(
            String name,
            Integer retentionDays,
            String state,
            int finishedDaysAgo,
            int lastOutcomeDaysAgo) {
        long id =
                db.queryLong(
                        "INSERT INTO dnsx_runs (name, record_types, state, outcome_retention_days,"
                                + " publish_finished_at) VALUES ('"
                                + name
                                + "', '{A}', '"
                                + state
                                + "', "
                                + retentionDays
                                + ", now() - interval '"
                                + finishedDaysAgo
                                + " days') RETURNING id");
        db.execute(
                "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at) SELECT "
                        + id
                        + ", id, 'resolved', now() - interval '"
                        + lastOutcomeDaysAgo
                        + " days' FROM domains");
        db.execute(
                "INSERT INTO dnsx_run_counters (run_id, shard, outcome, domains) VALUES ("
                        + id
                        + ", 0, 'resolved', 50)");
        db.execute(
                "INSERT INTO dnsx_run_members (run_id, domain_id) SELECT "
                        + id
                        + ", id FROM domains");
        return id;
    }

    private long outcomes(long run) {
        return db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes WHERE run_id = " + run);
    }

    @Test
    void aFinishedRunPastItsRetentionLosesItsPartitionAndKeepsItsCounters() throws Exception {
        long expired = run("expired", 7, "published", 10, 10);
        long stillResolving = run("still-resolving", 7, "published", 10, 1);
        long keptForEver = run("no-retention", null, "published", 100, 100);
        long publishing = run("publishing", 7, "publishing", 10, 10);

        var dropped = OutcomeRetention.dropExpired(db.database().dataSource(), Instant.now());

        assertThat(dropped).extracting(OutcomeRetention.Dropped::name).containsExactly("expired");
        assertThat(
                        db.queryStrings(
                                "SELECT to_regclass('dnsx_domain_outcomes_r"
                                        + expired
                                        + "')::text"))
                .as("the partition is gone")
                .containsExactly((String) null);
        assertThat(outcomes(expired)).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_run_members WHERE run_id = " + expired))
                .isZero();
        assertThat(
                        db.queryLong(
                                "SELECT sum(domains) FROM dnsx_run_counters WHERE run_id = "
                                        + expired))
                .as("the run's totals remain")
                .isEqualTo(50);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM dnsx_runs WHERE outcomes_dropped_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(outcomes(stillResolving))
                .as("an outcome within the retention keeps the run")
                .isEqualTo(50);
        assertThat(outcomes(keptForEver)).as("no retention: kept for ever").isEqualTo(50);
        assertThat(outcomes(publishing))
                .as("a run still publishing is never dropped")
                .isEqualTo(50);
        assertThat(OutcomeRetention.dropExpired(db.database().dataSource(), Instant.now()))
                .as("once")
                .isEmpty();
    }

    @Test
    void everyRunGetsItsOwnPartitionAndARunWhoseOutcomesWereDroppedTakesNoMore() throws Exception {
        long a = run("a", null, "published", 0, 0);
        long b = run("b", 1, "published", 5, 5);

        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes_r" + a)).isEqualTo(50);
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes_r" + b)).isEqualTo(50);
        assertThat(OutcomeRetention.dropExpired(db.database().dataSource(), Instant.now()))
                .hasSize(1);
        assertThatThrownBy(
                        () ->
                                db.execute(
                                        "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome,"
                                                + " resolved_at) VALUES ("
                                                + b
                                                + ", 1, 'resolved', now())"))
                .hasMessageContaining("no partition of relation");
    }

    @Test
    void oneRunsRetentionIsAppliedByItsUidAndSaysUntilWhenItKeepsItsOutcomes() throws Exception {
        long expired = run("ns/expired", 7, "published", 10, 10);
        long recent = run("ns/recent", 7, "published", 10, 2);
        long forEver = run("ns/for-ever", null, "published", 100, 100);
        db.execute("UPDATE dnsx_runs SET resource_uid = 'uid-' || id");
        Instant now = Instant.now();
        var ds = db.database().dataSource();

        assertThat(OutcomeRetention.applyToRun(ds, "uid-" + recent, now))
                .as("kept until seven days after its newest outcome, not after publishing")
                .isInstanceOfSatisfying(
                        OutcomeRetention.RunRetention.KeptUntil.class,
                        k ->
                                assertThat(k.until())
                                        .isBetween(
                                                now.plus(Duration.ofDays(5)).minusSeconds(60),
                                                now.plus(Duration.ofDays(5)).plusSeconds(60)));
        assertThat(outcomes(recent)).isEqualTo(50);
        assertThat(OutcomeRetention.applyToRun(ds, "uid-" + forEver, now))
                .isInstanceOf(OutcomeRetention.RunRetention.None.class);
        assertThat(OutcomeRetention.applyToRun(ds, "uid-unknown", now))
                .isInstanceOf(OutcomeRetention.RunRetention.None.class);
        assertThat(outcomes(forEver)).isEqualTo(50);

        assertThat(OutcomeRetention.applyToRun(ds, "uid-" + expired, now))
                .isEqualTo(new OutcomeRetention.RunRetention.Dropped(now));
        assertThat(outcomes(expired)).isZero();
        assertThat(
                        db.queryLong(
                                "SELECT sum(domains) FROM dnsx_run_counters WHERE run_id = "
                                        + expired))
                .as("the run's totals remain")
                .isEqualTo(50);
        assertThat(OutcomeRetention.applyToRun(ds, "uid-" + expired, now.plusSeconds(5)))
                .as("once: later calls report the earlier drop")
                .isInstanceOf(OutcomeRetention.RunRetention.Dropped.class);
        assertThat(OutcomeRetention.dropExpired(ds, now))
                .as("nothing left for the sweep")
                .isEmpty();
    }
}
