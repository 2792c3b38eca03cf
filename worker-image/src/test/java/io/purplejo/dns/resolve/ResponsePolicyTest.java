/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ResponsePolicyTest {

    @ParameterizedTest(name = "{0} truncated={1} tcp={2} edns={3} -> {4}")
    @CsvSource({
        // rcode,  truncated, over TCP, EDNS sent, action
        "NOERROR,  false, false, true,  TAKE",
        "NXDOMAIN, false, false, true,  TAKE",
        "NOERROR,  false, true,  true,  TAKE",
        "NOERROR,  true,  false, true,  ASK_OVER_TCP",
        "NXDOMAIN, true,  false, false, ASK_OVER_TCP",
        "NOERROR,  true,  true,  true,  FAIL_TRUNCATED",
        "FORMERR,  false, false, true,  ASK_WITHOUT_EDNS",
        // asked plainly already: FORMERR is the server's answer, which the extractor makes a
        // SERVFAIL
        "FORMERR,  false, false, false, TAKE",
        "SERVFAIL, false, false, true,  FAIL_SERVFAIL",
        "SERVFAIL, false, true,  false, FAIL_SERVFAIL",
        "REFUSED,  false, false, true,  FAIL_REFUSED",
        "NOTIMP,   false, false, true,  TAKE",
    })
    void decidesWhatAResponseLeadsTo(
            String rcode,
            boolean truncated,
            boolean overTcp,
            boolean ednsSent,
            ResponsePolicy.Action expected) {
        assertThat(ResponsePolicy.actionFor(Rcode.value(rcode), truncated, overTcp, ednsSent))
                .isEqualTo(expected);
    }

    @Test
    void aFailedAttemptEndsWithItsOwnOutcomeWhenNoRetryIsLeft() {
        assertThat(ResponsePolicy.Action.FAIL_TRUNCATED.failure).isEqualTo(Outcome.TRUNCATED);
        assertThat(ResponsePolicy.Action.FAIL_SERVFAIL.failure).isEqualTo(Outcome.SERVFAIL);
        assertThat(ResponsePolicy.Action.FAIL_REFUSED.failure).isEqualTo(Outcome.REFUSED);
        assertThat(ResponsePolicy.Action.TAKE.failure).isNull();
    }

    @Test
    void readsTruncationFromTheHeader() throws Exception {
        Message m = response("a.test.", Type.A, DClass.IN);
        m.getHeader().setFlag(Flags.TC);

        assertThat(ResponsePolicy.actionFor(WireResponses.read(m), false, true))
                .isEqualTo(ResponsePolicy.Action.ASK_OVER_TCP);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "the question asked,        a.test., A,    IN, true,  QUERY, true",
        "the name in another case,  A.Test., A,    IN, true,  QUERY, true",
        "another name,              b.test., A,    IN, true,  QUERY, false",
        "another type,              a.test., AAAA, IN, true,  QUERY, false",
        "another class,             a.test., A,    CH, true,  QUERY, false",
        "a query rather than reply, a.test., A,    IN, false, QUERY, false",
        "another opcode,            a.test., A,    IN, true,  NOTIFY, false",
    })
    void acceptsOnlyAReplyToTheQuestionAsked(
            String what,
            String qname,
            String type,
            String dclass,
            boolean reply,
            String opcode,
            boolean accepted)
            throws Exception {
        Message m = response(qname, Type.value(type), DClass.value(dclass));
        if (!reply) {
            m.getHeader().unsetFlag(Flags.QR);
        }
        m.getHeader().setOpcode(Opcode.value(opcode));

        assertThat(
                        ResponsePolicy.answers(
                                WireResponses.read(m),
                                WireResponses.query(Name.fromString("a.test."), Type.A),
                                Type.A))
                .isEqualTo(accepted);
    }

    @Test
    void aReplyWithoutAQuestionAnswersNothing() throws Exception {
        Message m = new Message(7);
        m.getHeader().setFlag(Flags.QR);

        assertThat(
                        ResponsePolicy.answers(
                                WireResponses.read(m),
                                WireResponses.query(Name.root, Type.A),
                                Type.A))
                .isFalse();
    }

    private static Message response(String qname, int type, int dclass) throws Exception {
        Message m = new Message(7);
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(Record.newRecord(Name.fromString(qname), type, dclass), Section.QUESTION);
        return m;
    }
}
