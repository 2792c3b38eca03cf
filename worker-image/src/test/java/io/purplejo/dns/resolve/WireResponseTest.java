/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.outcome.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The wire format's edges, one by one, each against dnsjava's verdict on the same bytes: what is
 * refused, what a truncated response keeps, and the RCODE an OPT record extends.
 */
// a pointer that does not point backward could loop: a hang here is a failure, not a wait
@Timeout(30)
class WireResponseTest {
    private static final int QR = 0x8000;
    private static final int TC = 0x0200;
    private static final int TSIG = 250;

    /** A TSIG's data: algorithm (the root), time, fudge, an empty MAC, ID, error, no other data. */
    private static final int[] TSIG_DATA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0, 0, 0, 0
    };

    /** A response built octet by octet, so that it can break the rules dnsjava's writer keeps. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        static Bytes header(int flags, int qd, int an, int ns, int ar) {
            return new Bytes().u16(0x1234).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
        }

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v & 0xff);
        }

        Bytes u32(long v) {
            return u16((int) (v >>> 16)).u16((int) (v & 0xffff));
        }

        /** An uncompressed name from dotted labels; "" is the root. */
        Bytes name(String dotted) {
            if (!dotted.isEmpty()) {
                for (String label : dotted.split("\\.", -1)) {
                    u8(label.length());
                    out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            return u8(0);
        }

        Bytes pointer(int offset) {
            return u16(0xc000 | offset);
        }

        Bytes question(String name, int type) {
            return name(name).u16(type).u16(1);
        }

        /** A record's type, class IN, TTL and RDLENGTH, after its owner. */
        Bytes fields(int type, int rdlength) {
            return u16(type).u16(1).u32(300).u16(rdlength);
        }

        Bytes raw(int... octets) {
            for (int o : octets) {
                u8(o);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static String labels(int count, int length) {
        return String.join(".", java.util.Collections.nCopies(count, "a".repeat(length)));
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("a header alone", Bytes.header(QR, 0, 0, 0, 0), true),
                Arguments.of(
                        "a question and an A record",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.A)
                                .pointer(12)
                                .fields(Type.A, 4)
                                .raw(192, 0, 2, 1),
                        true),
                Arguments.of(
                        "a pointer forward",
                        Bytes.header(QR, 1, 0, 0, 0).pointer(14).u8(0).u16(1).u16(1),
                        false),
                Arguments.of(
                        "a pointer to itself",
                        Bytes.header(QR, 1, 0, 0, 0).pointer(12).u16(1).u16(1),
                        false),
                Arguments.of(
                        "a pointer back into the header, whose octets read as a name",
                        Bytes.header(QR, 1, 0, 0, 0).pointer(5).u16(1).u16(1),
                        true),
                Arguments.of(
                        "an extended label type",
                        Bytes.header(QR, 1, 0, 0, 0).u8(0x41).u8(0).u16(1).u16(1),
                        false),
                Arguments.of(
                        "a name of 255 octets",
                        Bytes.header(QR, 1, 0, 0, 0)
                                .question(labels(3, 63) + "." + "b".repeat(61), Type.A),
                        true),
                Arguments.of(
                        "a name of 256 octets",
                        Bytes.header(QR, 1, 0, 0, 0)
                                .question(labels(3, 63) + "." + "b".repeat(62), Type.A),
                        false),
                Arguments.of(
                        "a name longer than 255 octets through a pointer",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question(labels(3, 63) + "." + "b".repeat(59), Type.A)
                                .u8(1)
                                .raw('c')
                                .u8(1)
                                .raw('d')
                                .pointer(12)
                                .fields(Type.A, 4)
                                .raw(192, 0, 2, 1),
                        false),
                Arguments.of(
                        "an A record of 5 octets",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.A)
                                .pointer(12)
                                .fields(Type.A, 5)
                                .raw(192, 0, 2, 1, 0),
                        false),
                Arguments.of(
                        "an AAAA record of 15 octets",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.AAAA)
                                .pointer(12)
                                .fields(Type.AAAA, 15)
                                .raw(new int[15]),
                        false),
                Arguments.of(
                        "an RDLENGTH past the end",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.A)
                                .pointer(12)
                                .fields(Type.A, 4)
                                .raw(192, 0, 2),
                        false),
                Arguments.of(
                        "an MX of one octet",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.MX)
                                .pointer(12)
                                .fields(Type.MX, 1)
                                .raw(0),
                        false),
                Arguments.of(
                        "an SOA with 19 octets of numbers",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.SOA)
                                .pointer(12)
                                .fields(Type.SOA, 4 + 19)
                                .pointer(12)
                                .pointer(12)
                                .raw(new int[19]),
                        false),
                Arguments.of(
                        "a CNAME whose target runs past its RDLENGTH",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.CNAME)
                                .pointer(12)
                                .fields(Type.CNAME, 3)
                                .name("b.test"),
                        false),
                Arguments.of(
                        "a CNAME pointing to a name outside its data",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.CNAME)
                                .pointer(12)
                                .fields(Type.CNAME, 2)
                                .pointer(12),
                        true),
                Arguments.of(
                        "a TXT string longer than the data",
                        Bytes.header(QR, 1, 1, 0, 0)
                                .question("a.test", Type.TXT)
                                .pointer(12)
                                .fields(Type.TXT, 3)
                                .raw(3, 'a', 'b'),
                        false),
                Arguments.of(
                        "an OPT option longer than the data",
                        Bytes.header(QR, 1, 0, 0, 1)
                                .question("a.test", Type.A)
                                .name("")
                                .fields(41, 5)
                                .raw(0xfd, 0xe9, 0, 2, 0),
                        false),
                Arguments.of(
                        "a TSIG as the last record",
                        Bytes.header(QR, 1, 0, 0, 2)
                                .question("a.test", Type.A)
                                .name("")
                                .fields(41, 0)
                                .name("")
                                .fields(TSIG, TSIG_DATA.length)
                                .raw(TSIG_DATA),
                        true),
                Arguments.of(
                        "a TSIG before another record",
                        Bytes.header(QR, 1, 0, 0, 2)
                                .question("a.test", Type.A)
                                .name("")
                                .fields(TSIG, TSIG_DATA.length)
                                .raw(TSIG_DATA)
                                .name("")
                                .fields(41, 0),
                        false),
                Arguments.of(
                        "more records counted than sent",
                        Bytes.header(QR, 1, 65535, 0, 0).question("a.test", Type.A),
                        false),
                Arguments.of(
                        "more records counted than sent, truncated",
                        Bytes.header(QR | TC, 1, 65535, 0, 0).question("a.test", Type.A),
                        true),
                Arguments.of(
                        "a truncated question, truncated",
                        Bytes.header(QR | TC, 1, 0, 0, 0).u8(1).raw('a'),
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void refusesWhatBreaksTheWireFormatAsDnsjavaDoes(String what, Bytes m, boolean readable) {
        byte[] b = m.bytes();

        assertThat(readsHere(b)).as("read here").isEqualTo(readable);
        assertThat(readsInDnsjava(b)).as("read by dnsjava").isEqualTo(readable);
    }

    @Test
    void aTruncatedResponseKeepsItsQuestionAndTheRecordsBeforeTheCut() throws Exception {
        byte[] b =
                Bytes.header(QR | TC, 1, 3, 0, 0)
                        .question("a.test", Type.A)
                        .pointer(12)
                        .fields(Type.A, 4)
                        .raw(192, 0, 2, 1)
                        .pointer(12)
                        .fields(Type.A, 4)
                        .raw(192, 0)
                        .bytes();

        WireResponse r = WireResponse.read(b, b.length);

        assertThat(r.truncated()).isTrue();
        assertThat(r.asks(WireResponses.query(Name.fromString("A.TEST."), Type.A), Type.A))
                .isTrue();
        assertThat(r.answerCount()).isEqualTo(1);
        assertThat(new Message(b).getSectionArray(1)).hasSize(1);
    }

    @Test
    void aCutInTheQuestionOfATruncatedResponseLeavesNoQuestionToMatch() throws Exception {
        byte[] b = Bytes.header(QR | TC, 1, 0, 0, 0).u8(1).raw('a').bytes();

        WireResponse r = WireResponse.read(b, b.length);

        assertThat(r.questionName()).isEqualTo(-1);
        assertThat(r.asks(WireResponses.query(Name.fromString("a."), Type.A), Type.A)).isFalse();
    }

    @Test
    void anOptRecordExtendsTheRcodeSoBadversIsAServerFailureNotAnAnswer() throws Exception {
        byte[] b =
                Bytes.header(QR, 1, 0, 0, 1)
                        .question("a.test", Type.A)
                        .name("")
                        .u16(41)
                        .u16(1232)
                        .u32(0x01000000L) // extended RCODE 1: with NOERROR in the header, 16
                        .u16(0)
                        .bytes();

        WireResponse r = WireResponse.read(b, b.length);

        assertThat(r.rcode()).isEqualTo(16).isEqualTo(new Message(b).getRcode());
        assertThat(AnswerExtractor.extract(r, Type.A, 1).outcome()).isEqualTo(Outcome.SERVFAIL);
    }

    @Test
    void aDatagramShorterThanAHeaderIsMalformed() {
        assertThatThrownBy(() -> WireResponse.read(new byte[11], 11))
                .isInstanceOf(MalformedResponseException.class);
    }

    private static boolean readsHere(byte[] b) {
        try {
            WireResponse.read(b, b.length);
            return true;
        } catch (MalformedResponseException e) {
            return false;
        }
    }

    private static boolean readsInDnsjava(byte[] b) {
        try {
            new Message(b);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
