/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordWriterTest {
    private TestDatabase db;
    private RecordWriter writer;
    private long run;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new SchemaMigrator(db.database().dataSource()).migrate();
        writer = new RecordWriter(db.database().dataSource(), 3);
        db.execute(
                "INSERT INTO dnsx_runs (name, record_types) VALUES ('ns/run-1', '{A,AAAA,NS,MX,SOA,CNAME,TXT}')");
        run = db.queryLong("SELECT id FROM dnsx_runs WHERE name = 'ns/run-1'");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long domain(String name) {
        db.execute(
                "INSERT INTO domains (name, created_at, updated_at) VALUES ('"
                        + name
                        + "', now() - interval '7 days', now() - interval '7 days')");
        return db.queryLong("SELECT id FROM domains WHERE name = '" + name + "'");
    }

    private RunProgress progress() throws Exception {
        return new RunProgressQuery(db.database().dataSource()).byName("ns/run-1").orElseThrow();
    }

    @Test
    void writesEveryTypeIntoItsLegacyTable() throws Exception {
        long id = domain("full.test");
        ResolvedDomain d =
                new ResolvedDomain(
                        run,
                        id,
                        Resolutions.of("full.test")
                                .with("A", "192.0.2.1", "192.0.2.2")
                                .with("AAAA", "2001:db8::1")
                                .with("NS", "ns1.p.test", "ns2.p.test")
                                .with("MX", "10 mx1.full.test", "0 .")
                                .with(
                                        "SOA",
                                        "ns1.p.test hostmaster.full.test 1 7200 900 1209600 300")
                                .with("TXT", "v=spf1 -all", "Mixed Case Token")
                                .with("CNAME")
                                .build());

        writer.write(List.of(d));

        assertThat(
                        db.queryStrings(
                                "SELECT ip_address FROM a_records WHERE domain_id = "
                                        + id
                                        + " ORDER BY 1"))
                .containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(db.queryStrings("SELECT ip_address FROM aaaa_records"))
                .containsExactly("2001:db8::1");
        assertThat(db.queryStrings("SELECT value FROM ns_records ORDER BY 1"))
                .containsExactly("ns1.p.test", "ns2.p.test");
        assertThat(
                        db.queryStrings(
                                "SELECT priority || ' ' || exchange FROM mx_records ORDER BY priority"))
                .containsExactly("0 .", "10 mx1.full.test");
        assertThat(db.queryStrings("SELECT value FROM soa_records"))
                .containsExactly("ns1.p.test hostmaster.full.test 1 7200 900 1209600 300");
        assertThat(db.queryStrings("SELECT content FROM txt_records ORDER BY 1"))
                .containsExactly("Mixed Case Token", "v=spf1 -all");
        assertThat(db.queryLong("SELECT count(*) FROM cname_records")).isZero();
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM domains WHERE id = "
                                        + id
                                        + " AND updated_at > now() - interval '1 minute'"))
                .isEqualTo(1);
        assertThat(
                        db.queryStrings(
                                "SELECT outcome || ' ' || type_outcomes FROM dnsx_domain_outcomes"))
                .containsExactly(
                        "resolved A=resolved AAAA=resolved NS=resolved MX=resolved SOA=resolved TXT=resolved CNAME=no_data");
        assertThat(progress().count(Outcome.RESOLVED)).isEqualTo(1);
    }

    @Test
    void textThatArrayLiteralsWouldQuoteIsStoredExactly() throws Exception {
        long id = domain("quotes.test");
        // characters a text array literal must escape, the word it reads as null, and no text
        String[] tricky = {
            "say \"hi\"", "back\\slash", "{braced}", "a,b", " padded ", "NULL", "", "ünïcödé ✓"
        };
        ResolvedDomain d =
                new ResolvedDomain(
                        run, id, Resolutions.of("quotes.test").with("TXT", tricky).build());

        writer.write(List.of(d));
        // the second write replaces the set with itself: nothing moves to the history
        writer.write(List.of(d));

        assertThat(db.queryStrings("SELECT content FROM txt_records WHERE domain_id = " + id))
                .containsExactlyInAnyOrder(tricky);
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_removed_records")).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = Outcome.class,
            names = {"CHAIN_TOO_LONG", "TRUNCATED", "MALFORMED"})
    void theHonestFailuresAreStoredAndCountedAsFailures(Outcome failure) throws Exception {
        long id = domain("broken.test");
        ResolvedDomain d =
                new ResolvedDomain(
                        run,
                        id,
                        Resolutions.of("broken.test")
                                .with("MX", "10 mx.broken.test")
                                .failed("A", failure)
                                .build());

        writer.write(List.of(d));

        assertThat(
                        db.queryStrings(
                                "SELECT outcome || ' ' || type_outcomes FROM dnsx_domain_outcomes"))
                .containsExactly(failure.dbName() + " MX=resolved A=" + failure.dbName());
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isZero();
        assertThat(progress().failed()).isEqualTo(1);
        assertThat(progress().count(failure)).isEqualTo(1);
    }

    @Test
    void anAuthoritativeAnswerReplacesTheStoredSetAndKeepsWhatWentInTheHistory() throws Exception {
        long id = domain("moved.test");
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("moved.test")
                                        .with("A", "192.0.2.1", "192.0.2.2")
                                        .with("MX", "10 old.moved.test")
                                        .with("NS", "ns1.p.test")
                                        .with("TXT", "v=spf1 -all", "x".repeat(1500))
                                        .build())));

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("moved.test")
                                        .with("A", "192.0.2.2", "192.0.2.3")
                                        .with("MX")
                                        .with("NS", "ns1.p.test")
                                        .with("TXT", "v=spf1 -all")
                                        .build())));

        assertThat(db.queryStrings("SELECT ip_address FROM a_records ORDER BY 1"))
                .containsExactly("192.0.2.2", "192.0.2.3");
        assertThat(db.queryLong("SELECT count(*) FROM mx_records"))
                .as("no data now: the MX is gone")
                .isZero();
        assertThat(db.queryStrings("SELECT value FROM ns_records")).containsExactly("ns1.p.test");
        assertThat(db.queryStrings("SELECT content FROM txt_records"))
                .containsExactly("v=spf1 -all");
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_oversized_records")).isZero();
        assertThat(
                        db.queryStrings(
                                "SELECT record_type || ' ' || left(value, 20) || ' ' || (run_id = "
                                        + run
                                        + ") || ' ' || (last_seen <= removed_at) FROM dnsx_removed_records ORDER BY 1"))
                .containsExactly(
                        "A 192.0.2.1 true true",
                        "MX 10 old.moved.test true true",
                        "TXT xxxxxxxxxxxxxxxxxxxx true true");
    }

    @Test
    void aFailedTypeRemovesNothingAndNxdomainRemovesEverythingAsked() throws Exception {
        long id = domain("flaky.test");
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("flaky.test")
                                        .with("A", "192.0.2.1")
                                        .with("MX", "10 mx.flaky.test")
                                        .build())));

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("flaky.test")
                                        .failed("A", Outcome.TIMEOUT)
                                        .failed("MX", Outcome.SERVFAIL)
                                        .build())));
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM mx_records")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_removed_records")).isZero();

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("flaky.test")
                                        .failed("A", Outcome.NXDOMAIN)
                                        .failed("MX", Outcome.NXDOMAIN)
                                        .build())));
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM mx_records")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_removed_records")).isEqualTo(2);
    }

    @Test
    void aRedeliveredBatchAddsNoRowAndCountsNothingTwice() throws Exception {
        long a = domain("a.test");
        long b = domain("b.test");
        List<ResolvedDomain> batch =
                List.of(
                        new ResolvedDomain(
                                run,
                                a,
                                Resolutions.of("a.test")
                                        .with("A", "192.0.2.1")
                                        .with("TXT", "t")
                                        .build()),
                        new ResolvedDomain(
                                run,
                                b,
                                Resolutions.of("b.test").failed("A", Outcome.NXDOMAIN).build()));

        writer.write(batch);
        writer.write(batch);
        writer.write(batch);

        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM txt_records")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes")).isEqualTo(2);
        assertThat(db.queryLong("SELECT attempts FROM dnsx_domain_outcomes WHERE domain_id = " + a))
                .isEqualTo(3);
        RunProgress p = progress();
        assertThat(p.count(Outcome.RESOLVED)).isEqualTo(1);
        assertThat(p.count(Outcome.NXDOMAIN)).isEqualTo(1);
        assertThat(p.done()).isEqualTo(2);
    }

    @Test
    void aChangedOutcomeMovesTheCounterInsteadOfAddingOne() throws Exception {
        long a = domain("flaky.test");
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                a,
                                Resolutions.of("flaky.test")
                                        .failed("A", Outcome.TIMEOUT)
                                        .build())));
        assertThat(progress().count(Outcome.TIMEOUT)).isEqualTo(1);

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                a,
                                Resolutions.of("flaky.test").with("A", "192.0.2.8").build())));

        RunProgress p = progress();
        assertThat(p.count(Outcome.TIMEOUT)).isZero();
        assertThat(p.count(Outcome.RESOLVED)).isEqualTo(1);
        assertThat(p.done()).isEqualTo(1);
        assertThat(db.queryStrings("SELECT previous_outcome FROM dnsx_domain_outcomes"))
                .containsExactly("timeout");
    }

    @Test
    void aUnicodeRowStaysTheRowOfItsPunycodeName() throws Exception {
        long id = domain("münchen.test");

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                0,
                                Resolutions.of("XN--MNCHEN-3YA.test.")
                                        .with("A", "192.0.2.3")
                                        .build())));

        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(1);
        assertThat(db.queryLong("SELECT domain_id FROM a_records")).isEqualTo(id);
    }

    @Test
    void aValidDomainMissingFromTheTableIsInsertedAndAnInvalidOneNever() throws Exception {
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                0,
                                Resolutions.of("New.Example.test.").with("A", "192.0.2.4").build()),
                        new ResolvedDomain(run, 0, Resolutions.of("bad name.test").build()),
                        new ResolvedDomain(run, 0, Resolutions.of("nul\u0000.test").build())));
        writer.write(List.of(new ResolvedDomain(run, 0, Resolutions.of("bad name.test").build())));

        assertThat(db.queryStrings("SELECT name FROM domains")).containsExactly("new.example.test");
        assertThat(
                        db.queryStrings(
                                "SELECT name || ' | ' || reason FROM dnsx_invalid_names ORDER BY 1"))
                .containsExactly(
                        "bad name.test | contains a space",
                        "nul\\x00.test | contains a control character");
        assertThat(progress().count(Outcome.INVALID)).isEqualTo(2);
        assertThat(progress().count(Outcome.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aDomainIdThatNoLongerExistsIsRefusedAndNothingOfItIsWritten() throws Exception {
        // a message's id is a claim: a row deleted since it was published is not made again
        ResolvedDomain moved =
                new ResolvedDomain(
                        run, 987654, Resolutions.of("moved.test").with("A", "192.0.2.5").build());

        RecordWriter.WriteResult r = writer.write(List.of(moved));

        assertThat(r.refused()).containsOnlyKeys(moved);
        assertThat(r.refused().get(moved)).contains("987654").contains("does not exist");
        assertThat(db.queryLong("SELECT count(*) FROM domains WHERE name = 'moved.test'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isZero();
    }

    @Test
    void valuesTooLargeForTheLegacyColumnAreKeptWholeElsewhereAndNeverTruncated() throws Exception {
        long id = domain("big.test");
        String txt1500 = "k".repeat(1500);
        String txt1000 = "m".repeat(1000);
        String multibyte =
                "€".repeat(999) + "x"; // 1,000 characters, 2,998 bytes: too big for the index
        byte[] binary = {'a', (byte) 0xff, 0, 'b'};
        String longSoa = "n".repeat(200) + ".test " + "h".repeat(60) + ".test 1 2 3 4 5";

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("big.test")
                                        .with("TXT", txt1500, txt1000, multibyte)
                                        .with("SOA", longSoa)
                                        .build())));
        // another domain: a second answer for big.test would replace its TXT set
        long binId = domain("bin.test");
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                binId,
                                Resolutions.of("bin.test").withBinaryTxt(binary).build())));

        assertThat(db.queryStrings("SELECT content FROM txt_records")).containsExactly(txt1000);
        assertThat(
                        db.queryStrings(
                                "SELECT record_type || ' ' || reason || ' ' || octet_length(value_bytes)"
                                        + " FROM dnsx_oversized_records ORDER BY 1"))
                .containsExactlyInAnyOrder(
                        "TXT too_long 1500",
                        "TXT too_long 2998",
                        "SOA too_long " + longSoa.length(),
                        "TXT not_text 4");
        assertThat(
                        db.queryStrings(
                                "SELECT value_text FROM dnsx_oversized_records WHERE octet_length(value_bytes) = 1500"))
                .containsExactly(txt1500);
        assertThat(
                        db.queryStrings(
                                "SELECT encode(value_bytes, 'hex') FROM dnsx_oversized_records WHERE reason = 'not_text'"))
                .containsExactly("61ff0062");
        assertThat(db.queryLong("SELECT count(*) FROM soa_records")).isZero();
    }

    @Test
    void aHostTooLongForItsColumnIsKeptWholeAndTheNextAnswerReplacesIt() throws Exception {
        long id = domain("odd.test");
        // a name server host whose labels hold bytes written as \DDD escapes: 301 characters,
        // longer than ns_records.value's 255
        String escaped = "\\255".repeat(73) + ".odd.test";

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run, id, Resolutions.of("odd.test").with("NS", escaped).build())));
        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("odd.test").with("NS", "ns1.odd.test").build())));

        assertThat(db.queryStrings("SELECT value FROM ns_records WHERE domain_id = " + id))
                .containsExactly("ns1.odd.test");
        assertThat(db.queryLong("SELECT count(*) FROM dnsx_oversized_records")).isZero();
        assertThat(
                        db.queryStrings(
                                "SELECT record_type || ' ' || value FROM dnsx_removed_records WHERE domain_id = "
                                        + id))
                .containsExactly("NS " + escaped);
    }

    @Test
    void anAliasStoresItsCnameAndTheTargetsRecords() throws Exception {
        long id = domain("www.alias.test");

        writer.write(
                List.of(
                        new ResolvedDomain(
                                run,
                                id,
                                Resolutions.of("www.alias.test")
                                        .with("CNAME", "edge.cdn.test")
                                        .with("A", "198.51.100.7")
                                        .build())));

        assertThat(db.queryStrings("SELECT target FROM cname_records WHERE domain_id = " + id))
                .containsExactly("edge.cdn.test");
        assertThat(db.queryStrings("SELECT ip_address FROM a_records WHERE domain_id = " + id))
                .containsExactly("198.51.100.7");
    }

    @Test
    void concurrentWritersOfOverlappingBatchesKeepTheCountersExact() throws Exception {
        List<ResolvedDomain> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String n = "c" + i + ".test";
            all.add(
                    new ResolvedDomain(
                            run, 0, Resolutions.of(n).with("A", "192.0.2." + (i % 250)).build()));
        }
        RecordWriter other = new RecordWriter(db.database().dataSource(), 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            RecordWriter rw = w % 2 == 0 ? writer : other;
            int offset = w * 50;
            futures.add(
                    pool.submit(
                            () -> {
                                for (int k = 0; k < 400; k += 100) {
                                    List<ResolvedDomain> batch = new ArrayList<>();
                                    for (int j = 0; j < 150; j++) {
                                        batch.add(all.get((offset + k + j) % 400));
                                    }
                                    rw.write(batch);
                                }
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(400);
        assertThat(db.queryLong("SELECT count(*) FROM a_records")).isEqualTo(400);
        assertThat(progress().count(Outcome.RESOLVED)).isEqualTo(400);
        // each writer adds only to its own shard (which of them counts a domain depends on who
        // wrote it first)
        assertThat(db.queryStrings("SELECT DISTINCT shard FROM dnsx_run_counters"))
                .isSubsetOf("3", "7");
    }
}
