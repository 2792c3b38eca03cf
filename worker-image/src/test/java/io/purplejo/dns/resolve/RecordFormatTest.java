/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class RecordFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:0, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:0",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "2001:DB8:0:0:0:0:ABCD:1, 2001:db8::abcd:1",
        "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
        "0:0:0:0:0:ffff:0102:0304, ::ffff:1.2.3.4",
        "0:0:0:0:1:ffff:c000:0201, ::1:ffff:c000:201",
        "0:0:0:0:0:0:c000:0201, ::c000:201",
    })
    void formatsIpv6AsRfc5952(String input, String expected) throws Exception {
        assertThat(RecordFormat.ipv6(InetAddress.getByName(input).getAddress()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            A     | 192.0.2.1                                                | 192.0.2.1
            NS    | NS1.Example.COM.                                         | ns1.example.com
            CNAME | Target.Example.                                          | target.example
            MX    | 10 MX1.Example.COM.                                      | 10 mx1.example.com
            MX    | 0 .                                                      | 0 .
            SOA   | NS1.example.com. HostMaster.example.com. 4294967295 7200 900 1209600 300 | ns1.example.com hostmaster.example.com 4294967295 7200 900 1209600 300
            TXT   | "v=spf1 " "Include:_spf.Example.com ~all"                | v=spf1 Include:_spf.Example.com ~all
            """)
    void formatsRecordsInTheLegacyForm(String type, String rdata, String expected)
            throws Exception {
        Record r =
                Record.fromString(
                        Name.fromString("x.example."),
                        Type.value(type),
                        DClass.IN,
                        300,
                        rdata,
                        Name.root);

        assertThat(valueOf(r).text()).isEqualTo(expected);
    }

    @Test
    void readsTheFieldsOfMxAndSoaTypedSoThatNothingParsesTextBack() throws Exception {
        Name owner = Name.fromString("x.example.");
        Record mx = Record.fromString(owner, Type.MX, DClass.IN, 300, "10 MX1.Example.", Name.root);
        Record soa =
                Record.fromString(
                        owner,
                        Type.SOA,
                        DClass.IN,
                        300,
                        "ns1.example. host.example. 4294967295 7200 900 1209600 300",
                        Name.root);

        assertThat(valueOf(mx)).isEqualTo(new RecordValue.MailExchange(10, "mx1.example"));
        assertThat(valueOf(soa))
                .isEqualTo(
                        new RecordValue.StartOfAuthority(
                                "ns1.example",
                                "host.example",
                                4294967295L,
                                7200,
                                900,
                                1209600,
                                300));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a\\.b.Example.                 | a\\.b.example
            SP\\032Ace.example.            | sp\\032ace.example
            \\000\\255.example.            | \\000\\255.example
            q\\"\\(x\\)\\@\\$\\;.example.  | q\\"\\(x\\)\\@\\$\\;.example
            """)
    void writesHostNamesAsDnsjavaPrintsThemInLowerCase(String target, String expected)
            throws Exception {
        Record ns =
                new NSRecord(
                        Name.fromString("x.example."), DClass.IN, 300, Name.fromString(target));

        assertThat(valueOf(ns).text())
                .isEqualTo(expected)
                .isEqualTo(DnsjavaOracle.value(ns).text());
    }

    /** The value the client reads from a response holding {@code r} as its only answer. */
    private static RecordValue valueOf(Record r) throws Exception {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(Record.newRecord(r.getName(), r.getType(), DClass.IN), Section.QUESTION);
        m.addRecord(r, Section.ANSWER);
        return RecordFormat.value(WireResponses.read(m), 0);
    }

    @Test
    void twoTxtValuesAreTheSameWhenTheirBytesAre() {
        byte[] notText = {'a', (byte) 0xff};

        assertThat(RecordFormat.text(notText)).isEqualTo(RecordFormat.text(notText.clone()));
        assertThat(RecordFormat.text(notText).text()).isNull();
        assertThat(RecordFormat.text(notText)).isNotEqualTo(RecordFormat.text(new byte[] {'a'}));
    }

    @Test
    void keepsTxtBytesThatAreNotTextApart() {
        assertThat(RecordFormat.utf8Text("héllo".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("héllo");
        assertThat(RecordFormat.utf8Text(new byte[] {'a', (byte) 0xff})).isNull();
        assertThat(RecordFormat.utf8Text(new byte[] {'a', 0, 'b'})).isNull();
    }
}
