/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class QueryWireTest {

    @ParameterizedTest(name = "{0} {1} edns={2}")
    @CsvSource({
        "example.com, A, 1232",
        "_dmarc.xn--mnchen-3ya.de, TXT, 1232",
        "a.b.c.d.example, MX, 0"
    })
    void buildsTheSameBytesAsDnsjava(String name, String type, int edns) throws Exception {
        Message expected =
                Message.newQuery(
                        Record.newRecord(Name.fromString(name + "."), Type.value(type), DClass.IN));
        expected.getHeader().setID(0);
        if (edns > 0) {
            expected.addRecord(new OPTRecord(edns, 0, 0), Section.ADDITIONAL);
        }

        assertThat(QueryWire.build(name, Type.value(type), edns)).isEqualTo(expected.toWire());
    }
}
