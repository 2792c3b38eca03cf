/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class AnswerExtractorTest {
    private static Name name(String s) throws IOException {
        return Name.fromString(s);
    }

    private static Record rr(String owner, int type, String rdata) throws IOException {
        return Record.fromString(name(owner), type, DClass.IN, 300, rdata, Name.root);
    }

    /**
     * An answer to (qname, A) holding a chain of {@code cnames} CNAMEs, then an A record at its
     * end.
     */
    private static Message chain(String qname, int cnames) throws IOException {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(Record.newRecord(name(qname), Type.A, DClass.IN), Section.QUESTION);
        String current = qname;
        for (int i = 1; i <= cnames; i++) {
            String next = "hop" + i + ".test.";
            m.addRecord(rr(current, Type.CNAME, next), Section.ANSWER);
            current = next;
        }
        m.addRecord(rr(current, Type.A, "192.0.2.1"), Section.ANSWER);
        return m;
    }

    @ParameterizedTest(name = "{0} CNAMEs -> {1}")
    @CsvSource(
            textBlock =
                    """
            0,  RESOLVED
            1,  RESOLVED
            16, RESOLVED
            17, CHAIN_TOO_LONG
            40, CHAIN_TOO_LONG
            """)
    void aChainIsFollowedUpToTheLimitAndBeyondItTheAnswerIsNotTaken(int cnames, Outcome expected)
            throws Exception {
        TypeAnswer a =
                AnswerExtractor.extract(
                        WireResponses.read(chain("start.test.", cnames)), Type.A, 1);

        assertThat(a.outcome()).isEqualTo(expected);
        assertThat(a.values())
                .isEqualTo(
                        expected == Outcome.RESOLVED
                                ? java.util.List.of("192.0.2.1")
                                : java.util.List.of());
    }

    @Test
    void aLoopingChainIsNotNoData() throws Exception {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(Record.newRecord(name("a.test."), Type.A, DClass.IN), Section.QUESTION);
        m.addRecord(rr("a.test.", Type.CNAME, "b.test."), Section.ANSWER);
        m.addRecord(rr("b.test.", Type.CNAME, "a.test."), Section.ANSWER);

        assertThat(AnswerExtractor.extract(WireResponses.read(m), Type.A, 1).outcome())
                .isEqualTo(Outcome.CHAIN_TOO_LONG);
    }

    @Test
    void aCnameQueryRecordsTheFirstHopWhateverTheChainsLength() throws Exception {
        Message m = chain("start.test.", 30);

        TypeAnswer a = AnswerExtractor.extract(WireResponses.read(m), Type.CNAME, 1);

        assertThat(a.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(a.values()).containsExactly("hop1.test");
    }
}
