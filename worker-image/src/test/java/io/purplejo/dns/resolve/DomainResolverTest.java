/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.testing.TestDnsServer;
import io.purplejo.dns.testing.TestDnsServer.Behavior;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DomainResolverTest {
    private static final List<Integer> ALL = RecordTypes.parse(RecordTypes.DEFAULT);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private TestDnsServer server() {
        TestDnsServer s = TestDnsServer.start();
        open.add(s);
        return s;
    }

    private DomainResolver resolver(ResolverSettings.Builder settings) {
        DnsClient client = new DnsClient(settings.build());
        open.add(client);
        return new DomainResolver(client);
    }

    private static ResolverSettings.Builder fast(InetSocketAddress... servers) {
        return ResolverSettings.builder(List.of(servers)).timeout(Duration.ofMillis(200));
    }

    private static DomainResolution resolve(DomainResolver r, String name, List<Integer> types)
            throws Exception {
        CompletableFuture<DomainResolution> f = new CompletableFuture<>();
        r.resolve(name, types, f::complete);
        return f.get(20, TimeUnit.SECONDS);
    }

    private static List<String> values(DomainResolution d, String type) {
        return d.answers().get(Type.value(type)).values();
    }

    private static Outcome outcome(DomainResolution d, String type) {
        return d.answers().get(Type.value(type)).outcome();
    }

    @Test
    void resolvesEveryRecordTypeInItsCanonicalForm() throws Exception {
        TestDnsServer dns =
                server().add("full.test. 300 IN A 192.0.2.1")
                        .add("full.test. 300 IN A 192.0.2.2")
                        .add("full.test. 300 IN AAAA 2001:db8:0:0:0:0:0:1")
                        .add("full.test. 300 IN NS NS1.Provider.test.")
                        .add("full.test. 300 IN NS ns2.provider.test.")
                        .add("full.test. 300 IN MX 10 mx1.full.test.")
                        .add("full.test. 300 IN MX 20 mx2.full.test.")
                        .add(
                                "full.test. 300 IN SOA ns1.provider.test. hostmaster.full.test. 2024010101 7200 900 1209600 300")
                        .add("full.test. 300 IN TXT \"v=spf1 \" \"include:_spf.Example.test ~all\"")
                        .add("full.test. 300 IN TXT \"google-site-verification=AbC\"");

        DomainResolution d = resolve(resolver(fast(dns.address())), "Full.Test.", ALL);

        assertThat(d.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(d.name().stored()).isEqualTo("full.test");
        assertThat(values(d, "A")).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
        assertThat(values(d, "AAAA")).containsExactly("2001:db8::1");
        assertThat(values(d, "NS"))
                .containsExactlyInAnyOrder("ns1.provider.test", "ns2.provider.test");
        assertThat(values(d, "MX"))
                .containsExactlyInAnyOrder("10 mx1.full.test", "20 mx2.full.test");
        assertThat(values(d, "SOA"))
                .containsExactly(
                        "ns1.provider.test hostmaster.full.test 2024010101 7200 900 1209600 300");
        assertThat(values(d, "TXT"))
                .containsExactlyInAnyOrder(
                        "v=spf1 include:_spf.Example.test ~all", "google-site-verification=AbC");
        assertThat(outcome(d, "CNAME")).isEqualTo(Outcome.NO_DATA);
        assertThat(values(d, "CNAME")).isEmpty();
    }

    @Test
    void keepsTheNullMx() throws Exception {
        TestDnsServer dns = server().add("nomail.test. 300 IN MX 0 .");

        DomainResolution d =
                resolve(resolver(fast(dns.address())), "nomail.test", List.of(Type.MX));

        assertThat(values(d, "MX")).containsExactly("0 .");
    }

    @Test
    void anAliasGetsItsCnameAndTheTargetsRecords() throws Exception {
        TestDnsServer dns =
                server().add("www.alias.test. 300 IN CNAME edge.cdn.test.")
                        .add("edge.cdn.test. 300 IN CNAME lb.cdn.test.")
                        .add("lb.cdn.test. 300 IN A 198.51.100.7")
                        .add("lb.cdn.test. 300 IN TXT \"target-txt\"");

        DomainResolution d = resolve(resolver(fast(dns.address())), "www.alias.test", ALL);

        assertThat(d.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, "CNAME")).containsExactly("edge.cdn.test");
        assertThat(values(d, "A")).containsExactly("198.51.100.7");
        assertThat(values(d, "TXT")).containsExactly("target-txt");
        assertThat(d.cnameTargets()).containsExactly("edge.cdn.test");
        assertThat(outcome(d, "MX")).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void aDanglingAliasKeepsItsCnameAndEveryOtherTypeIsNxdomain() throws Exception {
        TestDnsServer dns = server().add("dangling.test. 300 IN CNAME gone.test.");

        DomainResolution d = resolve(resolver(fast(dns.address())), "dangling.test", ALL);

        assertThat(values(d, "CNAME")).containsExactly("gone.test");
        assertThat(outcome(d, "A")).isEqualTo(Outcome.NXDOMAIN);
        assertThat(values(d, "A")).isEmpty();
        assertThat(d.cnameTargets()).containsExactly("gone.test");
        assertThat(d.outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void recordsNotOwnedByTheNameOrItsChainAreDropped() throws Exception {
        TestDnsServer dns =
                server().add("victim.test. 300 IN A 192.0.2.10")
                        .behave("victim.test", Behavior.STRAY_RECORDS);

        DomainResolution d = resolve(resolver(fast(dns.address())), "victim.test", List.of(Type.A));

        assertThat(values(d, "A")).containsExactly("192.0.2.10");
    }

    @Test
    void recordsOfAnotherClassForTheQueriedNameAreNeverData() throws Exception {
        TestDnsServer dns =
                server().add("classy.test. 300 IN A 192.0.2.20")
                        .add(record("classy.test.", Type.A, DClass.CH, "192.0.2.66"))
                        .add(record("classy.test.", Type.TXT, DClass.ANY, "\"chaos\""))
                        .add(record("classy.test.", Type.MX, DClass.HS, "10 evil.test."));

        DomainResolution d =
                resolve(
                        resolver(fast(dns.address())),
                        "classy.test",
                        List.of(Type.A, Type.TXT, Type.MX));

        assertThat(values(d, "A")).containsExactly("192.0.2.20");
        assertThat(outcome(d, "TXT")).isEqualTo(Outcome.NO_DATA);
        assertThat(values(d, "TXT")).isEmpty();
        assertThat(outcome(d, "MX")).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void aCnameOfAnotherClassIsNotFollowedToAnotherNamesRecords() throws Exception {
        TestDnsServer dns =
                server().add(record("chaos-alias.test.", Type.CNAME, DClass.CH, "other.test."))
                        .add("other.test. 300 IN A 192.0.2.77");

        DomainResolution d =
                resolve(
                        resolver(fast(dns.address())),
                        "chaos-alias.test",
                        List.of(Type.A, Type.CNAME));

        assertThat(values(d, "A")).as("other.test's address is not chaos-alias.test's").isEmpty();
        assertThat(values(d, "CNAME")).isEmpty();
        assertThat(d.cnameTargets()).isEmpty();
    }

    private static Record record(String owner, int type, int dclass, String rdata) {
        try {
            return Record.fromString(Name.fromString(owner), type, dclass, 300, rdata, Name.root);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void anAnswerStillTruncatedOverTcpIsTruncatedNotPartOfTheSet() throws Exception {
        TestDnsServer dns =
                server().add("huge.test. 300 IN A 192.0.2.1")
                        .add("huge.test. 300 IN A 192.0.2.2")
                        .behave("huge.test", Behavior.TRUNCATE_ALWAYS);

        DomainResolution d = resolve(resolver(fast(dns.address())), "huge.test", List.of(Type.A));

        assertThat(outcome(d, "A")).isEqualTo(Outcome.TRUNCATED);
        assertThat(values(d, "A")).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(dns.tcpQueriesFor("huge.test")).isPositive();
    }

    @Test
    void answersThatCannotBeParsedAreMalformedNotTimeouts() throws Exception {
        TestDnsServer dns = server().behave("garbled.test", Behavior.GARBAGE);

        DomainResolution d =
                resolve(resolver(fast(dns.address())), "garbled.test", List.of(Type.A, Type.MX));

        assertThat(outcome(d, "A")).isEqualTo(Outcome.MALFORMED);
        assertThat(d.outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void aSilentServerIsStillATimeout() throws Exception {
        TestDnsServer dns = server().behave("silent.test", Behavior.DROP);

        DomainResolution d = resolve(resolver(fast(dns.address())), "silent.test", List.of(Type.A));

        assertThat(d.outcome()).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void nxdomainIsFinalAndNotRetried() throws Exception {
        TestDnsServer dns = server();

        DomainResolution d = resolve(resolver(fast(dns.address())), "missing.test", ALL);

        assertThat(d.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(dns.udpQueriesFor("missing.test")).isEqualTo(ALL.size());
    }

    @Test
    void aLongTxtRecordArrivesWholeOverTcpAfterTruncation() throws Exception {
        byte[] big = new byte[3000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < big.length; i += 255) {
            strings.add(
                    new String(big, i, Math.min(255, big.length - i), StandardCharsets.US_ASCII));
        }
        TestDnsServer dns =
                server().add(new TXTRecord(Name.fromString("long.test."), DClass.IN, 300, strings))
                        .add(
                                "long.test. 300 IN TXT \""
                                        + "x".repeat(255)
                                        + "\" \""
                                        + "y".repeat(100)
                                        + "\"");

        DomainResolution d = resolve(resolver(fast(dns.address())), "long.test", List.of(Type.TXT));

        assertThat(values(d, "TXT"))
                .containsExactlyInAnyOrder(
                        new String(big, StandardCharsets.US_ASCII),
                        "x".repeat(255) + "y".repeat(100));
        assertThat(dns.tcpQueriesFor("long.test")).isEqualTo(1);
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() throws Exception {
        TestDnsServer dns =
                server().add("tc.test. 300 IN A 192.0.2.44").behave("tc.test", Behavior.TRUNCATE);

        DomainResolution d = resolve(resolver(fast(dns.address())), "tc.test", List.of(Type.A));

        assertThat(values(d, "A")).containsExactly("192.0.2.44");
        assertThat(dns.tcpQueriesFor("tc.test")).isEqualTo(1);
    }

    @Test
    void txtBytesThatAreNotUtf8AreKeptExactly() throws Exception {
        byte[] raw = {'k', '=', (byte) 0xff, (byte) 0xfe, 0, 'z'};
        byte[] rdata = new byte[raw.length + 1];
        rdata[0] = (byte) raw.length;
        System.arraycopy(raw, 0, rdata, 1, raw.length);
        TestDnsServer dns =
                server().add(
                                Record.newRecord(
                                        Name.fromString("bin.test."),
                                        Type.TXT,
                                        DClass.IN,
                                        300,
                                        rdata));

        DomainResolution d = resolve(resolver(fast(dns.address())), "bin.test", List.of(Type.TXT));

        TypeAnswer txt = d.answers().get(Type.TXT);
        assertThat(txt.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(txt.values()).containsExactly((String) null);
        assertThat(txt.records()).hasSize(1);
        assertThat(((RecordValue.Text) txt.records().get(0)).bytes()).isEqualTo(raw);
    }

    @Test
    void aTimeoutIsRetriedOnAnotherResolver() throws Exception {
        TestDnsServer dead = server().behave("retry.test", Behavior.DROP);
        TestDnsServer alive = server().add("retry.test. 300 IN A 192.0.2.9");
        DomainResolver r = resolver(fast(dead.address(), alive.address()));

        for (int i = 0; i < 4; i++) {
            DomainResolution d = resolve(r, "retry.test", List.of(Type.A));
            assertThat(values(d, "A")).containsExactly("192.0.2.9");
        }
        // round-robin sends some first attempts to the dead one; each of those was retried on the
        // live one
        assertThat(dead.udpQueriesFor("retry.test")).isBetween(1, 4);
        assertThat(alive.udpQueriesFor("retry.test")).isEqualTo(4);
    }

    @Test
    void servfailAndRefusedAreRetriedThenReported() throws Exception {
        TestDnsServer dns =
                server().behave("sf.test", Behavior.SERVFAIL).behave("ref.test", Behavior.REFUSED);
        DomainResolver r = resolver(fast(dns.address()).attempts(3));

        DomainResolution sf = resolve(r, "sf.test", List.of(Type.A));
        DomainResolution ref = resolve(r, "ref.test", List.of(Type.A));

        assertThat(sf.outcome()).isEqualTo(Outcome.SERVFAIL);
        assertThat(ref.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(dns.udpQueriesFor("sf.test")).isEqualTo(3);
        assertThat(dns.udpQueriesFor("ref.test")).isEqualTo(3);
    }

    @Test
    void aNameNobodyAnswersEndsAsATimeoutWithinItsDeadline() throws Exception {
        TestDnsServer dns = server().behave("silent.test", Behavior.DROP);
        DomainResolver r = resolver(fast(dns.address()).attempts(2));

        long start = System.nanoTime();
        DomainResolution d = resolve(r, "silent.test", List.of(Type.A, Type.MX));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(d.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(outcome(d, "A")).isEqualTo(Outcome.TIMEOUT);
        assertThat(d.answers().get(Type.A).attempts()).isEqualTo(2);
        assertThat(took)
                .isGreaterThanOrEqualTo(Duration.ofMillis(400))
                .isLessThan(Duration.ofMillis(800 + 2000));
    }

    @Test
    void theHardDeadlineEndsALookupWhateverItWaitsFor() throws Exception {
        TestDnsServer dns = server().behave("slow.test", Behavior.DELAY).delay(5000);
        DomainResolver r =
                resolver(fast(dns.address()).attempts(5).deadline(Duration.ofMillis(300)));

        long start = System.nanoTime();
        DomainResolution d = resolve(r, "slow.test", List.of(Type.A));

        assertThat(d.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofMillis(300 + 1500));
    }

    @Test
    void answersWithAMismatchedIdAreIgnored() throws Exception {
        TestDnsServer spoofing =
                server().add("id.test. 300 IN A 203.0.113.1").behave("id.test", Behavior.WRONG_ID);
        TestDnsServer honest = server().add("id.test. 300 IN A 192.0.2.77");
        DomainResolver r = resolver(fast(spoofing.address(), honest.address()));

        for (int i = 0; i < 3; i++) {
            assertThat(values(resolve(r, "id.test", List.of(Type.A)), "A"))
                    .containsExactly("192.0.2.77");
        }
    }

    @Test
    void aServerThatRejectsEdnsIsAskedAgainWithoutIt() throws Exception {
        TestDnsServer dns =
                server().add("old.test. 300 IN A 192.0.2.5")
                        .behave("old.test", Behavior.FORMERR_EDNS);

        DomainResolution d = resolve(resolver(fast(dns.address())), "old.test", List.of(Type.A));

        assertThat(values(d, "A")).containsExactly("192.0.2.5");
        assertThat(dns.received()).hasSize(2);
        assertThat(dns.received().get(0).getOPT()).isNotNull();
        assertThat(dns.received().get(1).getOPT()).isNull();
    }

    @Test
    void queriesAdvertiseEdnsWith1232Bytes() throws Exception {
        TestDnsServer dns = server().add("edns.test. 300 IN A 192.0.2.5");

        resolve(resolver(fast(dns.address())), "edns.test", List.of(Type.A));

        assertThat(dns.received().get(0).getOPT().getPayloadSize()).isEqualTo(1232);
    }

    @Test
    void invalidNamesEndAsInvalidWithoutAQuery() throws Exception {
        TestDnsServer dns = server();
        DomainResolver r = resolver(fast(dns.address()));

        for (String bad :
                List.of("", "exa mple.com", "a..b", "x".repeat(64) + ".com", "bad\u0001.com")) {
            DomainResolution d = resolve(r, bad, ALL);
            assertThat(d.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(d.invalidReason()).isNotBlank();
        }
        assertThat(dns.received()).isEmpty();
    }

    @Test
    void internationalisedNamesAreQueriedInPunycode() throws Exception {
        TestDnsServer dns = server().add("xn--mnchen-3ya.test. 300 IN A 192.0.2.3");

        DomainResolution d =
                resolve(resolver(fast(dns.address())), "München.test", List.of(Type.A));

        assertThat(d.name().stored()).isEqualTo("münchen.test");
        assertThat(values(d, "A")).containsExactly("192.0.2.3");
    }

    @Test
    void aFailingCallbackDoesNotStopTheClient() throws Exception {
        TestDnsServer dns = server().add("ok.test. 300 IN A 192.0.2.1");
        DnsClient client = new DnsClient(fast(dns.address()).build());
        open.add(client);

        client.lookup(
                Name.fromString("ok.test."),
                Type.A,
                a -> {
                    throw new IllegalStateException("boom");
                });
        CompletableFuture<TypeAnswer> after = new CompletableFuture<>();
        client.lookup(Name.fromString("ok.test."), Type.A, after::complete);

        assertThat(after.get(5, TimeUnit.SECONDS).values()).containsExactly("192.0.2.1");
    }

    @Test
    void thousandsOfLookupsInFlightAllEndWithTheirOwnAnswer() throws Exception {
        TestDnsServer dns = server();
        int n = 3000;
        for (int i = 0; i < n; i++) {
            dns.add("h" + i + ".bulk.test. 300 IN A 10.0." + (i / 256) + "." + (i % 256));
        }
        DomainResolver r = resolver(fast(dns.address()).timeout(Duration.ofSeconds(1)));
        List<CompletableFuture<DomainResolution>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<DomainResolution> f = new CompletableFuture<>();
            r.resolve("h" + i + ".bulk.test", List.of(Type.A), f::complete);
            all.add(f);
        }
        for (int i = 0; i < n; i++) {
            DomainResolution d = all.get(i).get(30, TimeUnit.SECONDS);
            assertThat(values(d, "A")).containsExactly("10.0." + (i / 256) + "." + (i % 256));
        }
    }
}
