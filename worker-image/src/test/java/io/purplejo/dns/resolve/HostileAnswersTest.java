/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.testing.RawDnsServer;
import io.purplejo.dns.testing.ReliabilityReport;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Answers crafted byte by byte to break a resolver: each is parsed safely, ends within the lookup's
 * deadline with an honest outcome, and never becomes the queried name's data. Each test adds its
 * row to the hostile-answer table of docs/reliability.md.
 */
class HostileAnswersTest {
    private static final ReliabilityReport REPORT =
            new ReliabilityReport(
                    "hostile-answers", "Hostile answer", "Outcome", "Taken as the name's data");
    private static final Name VICTIM = Name.fromConstantString("victim.test.");
    private static final String TRUE_ADDRESS = "192.0.2.1";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    private DomainResolution resolve(RawDnsServer server, Integer... types) throws Exception {
        open.add(server);
        DnsClient client =
                new DnsClient(
                        ResolverSettings.builder(List.of(server.address()))
                                .timeout(Duration.ofMillis(200))
                                .build());
        open.add(client);
        CompletableFuture<DomainResolution> f = new CompletableFuture<>();
        new DomainResolver(client).resolve(VICTIM.toString(true), List.of(types), f::complete);
        // the lookup's own deadline ends it: a hostile answer cannot hold it
        return f.get(20, TimeUnit.SECONDS);
    }

    private static RawDnsServer udpOnly(Function<Message, List<byte[]>> replies) {
        return RawDnsServer.start(replies, (q, out) -> out.close());
    }

    private static RawDnsServer truncatedOverUdp(RawDnsServer.TcpReply tcp) {
        return RawDnsServer.start(
                q -> {
                    Message r = response(q);
                    r.getHeader().setFlag(Flags.TC);
                    return List.of(r.toWire());
                },
                tcp);
    }

    private static Message response(Message q) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RD);
        r.getHeader().setFlag(Flags.RA);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        return r;
    }

    private static Message response(Message q, Record... answers) {
        Message r = response(q);
        for (Record a : answers) {
            r.addRecord(a, Section.ANSWER);
        }
        return r;
    }

    private static Record a(Name owner, int dclass, String address) {
        try {
            return new ARecord(owner, dclass, 300, InetAddress.getByName(address));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response to {@code q} with one answer record whose bytes are {@code rr}, exactly as given.
     */
    private static byte[] withRawAnswer(Message q, byte[] rr) {
        byte[] head = response(q).toWire();
        head[7] = 1; // ANCOUNT = 1
        byte[] out = new byte[head.length + rr.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(rr, 0, out, head.length, rr.length);
        return out;
    }

    private static int rawAnswerOffset(Message q) {
        return response(q).toWire().length;
    }

    /**
     * An A record's fixed part after its owner name: type, class, TTL, RDLENGTH and the address
     * 192.0.2.1.
     */
    private static byte[] aRecordAfterName(int rdLength) {
        return new byte[] {
            0, 1, 0, 1, 0, 0, 1, 44, (byte) (rdLength >> 8), (byte) rdLength, (byte) 192, 0, 2, 1
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void frame(OutputStream out, byte[] message) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeShort(message.length);
        d.write(message);
    }

    private static List<String> values(DomainResolution d, int type) {
        return d.answers().get(type).values();
    }

    private static Outcome outcome(DomainResolution d, int type) {
        return d.answers().get(type).outcome();
    }

    private static void report(String answer, DomainResolution d, int type, String taken) {
        REPORT.row(answer, "`" + outcome(d, type).dbName() + "`", taken);
    }

    @Test
    void aCompressionPointerThatPointsAtItselfIsMalformed() throws Exception {
        DomainResolution d =
                resolve(
                        udpOnly(
                                q -> {
                                    int at = rawAnswerOffset(q);
                                    byte[] loop = {(byte) (0xC0 | (at >> 8)), (byte) at};
                                    return List.of(
                                            withRawAnswer(q, concat(loop, aRecordAfterName(4))));
                                }),
                        Type.A);

        report("A name compression pointer that points at itself (a loop)", d, Type.A, "nothing");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.MALFORMED);
        assertThat(values(d, Type.A)).isEmpty();
    }

    @Test
    void aCompressionPointerOutOfThePacketIsMalformed() throws Exception {
        DomainResolution d =
                resolve(
                        udpOnly(
                                q ->
                                        List.of(
                                                withRawAnswer(
                                                        q,
                                                        concat(
                                                                new byte[] {
                                                                    (byte) 0xFF, (byte) 0xF0
                                                                },
                                                                aRecordAfterName(4))))),
                        Type.A);

        report("A name compression pointer beyond the end of the packet", d, Type.A, "nothing");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.MALFORMED);
        assertThat(values(d, Type.A)).isEmpty();
    }

    @Test
    void aRecordLengthBeyondThePacketIsMalformed() throws Exception {
        DomainResolution d =
                resolve(
                        udpOnly(
                                q ->
                                        List.of(
                                                withRawAnswer(
                                                        q,
                                                        concat(
                                                                new byte[] {(byte) 0xC0, 12},
                                                                aRecordAfterName(0xFFFF))))),
                        Type.A);

        report("A record whose RDLENGTH runs past the end of the packet", d, Type.A, "nothing");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.MALFORMED);
        assertThat(values(d, Type.A)).isEmpty();
    }

    @Test
    void duplicatedAnswersAndDuplicatedRecordsGiveTheSetOnce() throws Exception {
        DomainResolution d =
                resolve(
                        udpOnly(
                                q -> {
                                    byte[] answer =
                                            response(
                                                            q,
                                                            a(VICTIM, DClass.IN, TRUE_ADDRESS),
                                                            a(VICTIM, DClass.IN, TRUE_ADDRESS))
                                                    .toWire();
                                    return List.of(answer, answer, answer);
                                }),
                        Type.A);

        report(
                "The same answer sent three times, each holding the same record twice",
                d,
                Type.A,
                "the true record, once");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.A)).containsExactly(TRUE_ADDRESS);
    }

    @Test
    void aLateAnswerForAnotherNameCarryingThisQuerysIdIsNotItsAnswer() throws Exception {
        Name other = Name.fromConstantString("other.test.");
        DomainResolution d =
                resolve(
                        udpOnly(
                                q -> {
                                    // what a late answer to an earlier query that used the same ID
                                    // looks like: another question
                                    Message stale = new Message(q.getHeader().getID());
                                    stale.getHeader().setFlag(Flags.QR);
                                    stale.addRecord(
                                            Record.newRecord(other, Type.A, DClass.IN),
                                            Section.QUESTION);
                                    stale.addRecord(
                                            a(other, DClass.IN, "203.0.113.9"), Section.ANSWER);
                                    return List.of(
                                            stale.toWire(),
                                            response(q, a(VICTIM, DClass.IN, TRUE_ADDRESS))
                                                    .toWire());
                                }),
                        Type.A);

        report(
                "A late answer to another name arriving under this query's ID, before the true answer",
                d,
                Type.A,
                "the true record only");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.A)).containsExactly(TRUE_ADDRESS);
    }

    @Test
    void answersThatArriveAfterTheLookupEndedChangeNothing() throws Exception {
        Name next = Name.fromConstantString("next.test.");
        java.util.concurrent.atomic.AtomicBoolean victimAnswered =
                new java.util.concurrent.atomic.AtomicBoolean();
        RawDnsServer server =
                RawDnsServer.start(
                        q ->
                                q.getQuestion().getName().equals(VICTIM) && !victimAnswered.get()
                                        ? List.of()
                                        : List.of(
                                                response(
                                                                q,
                                                                a(
                                                                        q.getQuestion().getName(),
                                                                        DClass.IN,
                                                                        q.getQuestion()
                                                                                        .getName()
                                                                                        .equals(
                                                                                                next)
                                                                                ? "192.0.2.7"
                                                                                : "203.0.113.9"))
                                                        .toWire()),
                        (q, out) -> out.close());
        open.add(server);
        DnsClient client =
                new DnsClient(
                        ResolverSettings.builder(List.of(server.address()))
                                .timeout(Duration.ofMillis(200))
                                .build());
        open.add(client);
        DomainResolver resolver = new DomainResolver(client);
        CompletableFuture<DomainResolution> first = new CompletableFuture<>();
        resolver.resolve(VICTIM.toString(true), List.of(Type.A), first::complete);
        DomainResolution d = first.get(20, TimeUnit.SECONDS);

        // every query of the ended lookup now gets an answer (with a value the name never had),
        // then another name is resolved on the same client and sockets
        victimAnswered.set(true);
        server.answerAgain(VICTIM);
        CompletableFuture<DomainResolution> second = new CompletableFuture<>();
        resolver.resolve(next.toString(true), List.of(Type.A), second::complete);
        DomainResolution n = second.get(20, TimeUnit.SECONDS);

        report(
                "Answers that arrive after their lookup ended, then another lookup on the same sockets",
                d,
                Type.A,
                "nothing; the next name gets its own true answer");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.TIMEOUT);
        assertThat(values(d, Type.A)).isEmpty();
        assertThat(outcome(n, Type.A)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(n, Type.A)).containsExactly("192.0.2.7");
        // and each one dropped is counted, for dnsx_responses_late / dnsx_responses_mismatched
        ClientStatistics stats = client.statistics();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stats.lateResponses() + stats.mismatchedResponses() > 0);
    }

    @Test
    void aTcpFrameCutShortIsAFailureNotPartOfTheSet() throws Exception {
        DomainResolution d =
                resolve(
                        truncatedOverUdp(
                                (q, out) -> {
                                    byte[] whole =
                                            response(
                                                            q,
                                                            a(VICTIM, DClass.IN, TRUE_ADDRESS),
                                                            a(VICTIM, DClass.IN, "192.0.2.2"))
                                                    .toWire();
                                    DataOutputStream data = new DataOutputStream(out);
                                    data.writeShort(whole.length);
                                    data.write(whole, 0, whole.length - 10);
                                    out.close();
                                }),
                        Type.A);

        report(
                "A TCP frame shorter than its length prefix, then the connection closed",
                d,
                Type.A,
                "nothing");
        assertThat(outcome(d, Type.A).failed()).as(outcome(d, Type.A).dbName()).isTrue();
        assertThat(values(d, Type.A)).isEmpty();
    }

    @Test
    void thousandsOfRecordsInOneAnswerAreTakenWhole() throws Exception {
        List<Record> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(
                    a(
                            VICTIM,
                            DClass.IN,
                            "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)));
        }
        DomainResolution d =
                resolve(
                        truncatedOverUdp(
                                (q, out) ->
                                        frame(
                                                out,
                                                response(q, many.toArray(Record[]::new)).toWire())),
                        Type.A);

        report(
                "3,000 A records in one answer (48 KB over TCP)",
                d,
                Type.A,
                "the 3,000 true records");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.A)).hasSize(3000).doesNotHaveDuplicates();
    }

    @Test
    void recordsOfOtherTypesNamesAndClassesInTheAnswerAreNotTaken() throws Exception {
        Name stray = Name.fromConstantString("stray.invalid.");
        DomainResolution d =
                resolve(
                        udpOnly(
                                q ->
                                        List.of(
                                                response(
                                                                q,
                                                                new MXRecord(
                                                                        VICTIM, DClass.IN, 300, 10,
                                                                        stray),
                                                                a(stray, DClass.IN, "203.0.113.66"),
                                                                a(
                                                                        VICTIM,
                                                                        DClass.CH,
                                                                        "203.0.113.67"),
                                                                a(VICTIM, DClass.IN, TRUE_ADDRESS))
                                                        .toWire())),
                        Type.A);

        report(
                "An A answer that also holds an MX of the name, an A of another name and a CH-class A of the name",
                d,
                Type.A,
                "the true record only");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.A)).containsExactly(TRUE_ADDRESS);
    }

    @Test
    void garbageBytesUnderTheQuerysIdAreMalformed() throws Exception {
        DomainResolution d =
                resolve(
                        udpOnly(
                                q -> {
                                    int id = q.getHeader().getID();
                                    byte[] junk = new byte[300];
                                    new java.util.Random(7).nextBytes(junk);
                                    junk[0] = (byte) (id >> 8);
                                    junk[1] = (byte) id;
                                    junk[2] = (byte) 0x81;
                                    return List.of(junk);
                                }),
                        Type.A);

        report("300 random bytes under the query's ID", d, Type.A, "nothing");
        assertThat(outcome(d, Type.A)).isEqualTo(Outcome.MALFORMED);
        assertThat(values(d, Type.A)).isEmpty();
    }

    @Test
    void valuesLongerThanEveryLegacyColumnArriveWhole() throws Exception {
        String longText = "v=" + "x".repeat(250);
        List<String> strings =
                List.of(
                        longText, longText, longText, longText, longText, longText, longText,
                        longText, longText, longText, longText, longText);
        Name longName = Name.fromConstantString(("a".repeat(60) + ".").repeat(4) + "test.");
        DomainResolution d =
                resolve(
                        truncatedOverUdp(
                                (q, out) -> {
                                    Record r =
                                            q.getQuestion().getType() == Type.TXT
                                                    ? new TXTRecord(VICTIM, DClass.IN, 300, strings)
                                                    : new SOARecord(
                                                            VICTIM, DClass.IN, 300, longName,
                                                            longName, 1, 2, 3, 4, 5);
                                    frame(out, response(q, r).toWire());
                                }),
                        Type.TXT,
                        Type.SOA);

        report(
                "An SOA record of "
                        + values(d, Type.SOA).get(0).length()
                        + " characters (the legacy column holds 255)",
                d,
                Type.SOA,
                "the whole value, which the writer keeps in dnsx_oversized_records");
        report(
                "A TXT record of "
                        + String.join("", strings).length()
                        + " characters in 12 strings (the legacy column"
                        + " holds 1,000)",
                d,
                Type.TXT,
                "the whole value, which the writer keeps in dnsx_oversized_records");
        assertThat(outcome(d, Type.TXT)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.TXT))
                .singleElement()
                .satisfies(v -> assertThat(v.length()).isGreaterThan(3000));
        assertThat(outcome(d, Type.SOA)).isEqualTo(Outcome.RESOLVED);
        assertThat(values(d, Type.SOA))
                .singleElement()
                .satisfies(
                        v ->
                                assertThat(v)
                                        .startsWith(longName.toString(true))
                                        .hasSizeGreaterThan(255));
    }
}
