/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            example.com           | example.com          | example.com
            Example.COM.          | example.com          | example.com
            '  example.com  '     | example.com          | example.com
            _dmarc.example.com    | _dmarc.example.com   | _dmarc.example.com
            münchen.de            | münchen.de           | xn--mnchen-3ya.de
            MÜNCHEN.de            | münchen.de           | xn--mnchen-3ya.de
            xn--mnchen-3ya.de     | münchen.de           | xn--mnchen-3ya.de
            XN--BCHER-KVA.DE.     | bücher.de            | xn--bcher-kva.de
            Bücher.De             | bücher.de            | xn--bcher-kva.de
            xn--strae-oqa.de      | xn--strae-oqa.de     | xn--strae-oqa.de
            a-b.c-d.example       | a-b.c-d.example      | a-b.c-d.example
            """)
    void normalisesToLowerCaseWithoutTrailingDotAndQueriesInPunycode(
            String raw, String stored, String ascii) {
        DomainName.Parsed parsed = DomainName.parse(raw);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.name().stored()).isEqualTo(stored);
        assertThat(parsed.name().ascii()).isEqualTo(ascii);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ''                        | empty name
            .                         | empty name
            example..com              | empty label
            .example.com              | empty label
            exa mple.com              | contains a space
            example.com/path          | character '/' is not allowed
            user@example.com          | character '@' is not allowed
            """)
    void rejectsMalformedNamesWithAReason(String raw, String reason) {
        DomainName.Parsed parsed = DomainName.parse(raw);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.invalidReason()).contains(reason);
    }

    @Test
    void rejectsControlCharactersOverlongLabelsAndOverlongNames() {
        assertThat(DomainName.parse("exa\u0000mple.com").invalidReason())
                .contains("control character");
        assertThat(DomainName.parse("exa\tmple.com").invalidReason()).contains("space");
        assertThat(DomainName.parse("a".repeat(63) + ".com").valid()).isTrue();
        assertThat(DomainName.parse("a".repeat(64) + ".com").invalidReason())
                .contains("label longer than 63");
        String name253 = ("a".repeat(61) + ".").repeat(4) + "b".repeat(5);
        assertThat(name253).hasSize(253);
        assertThat(DomainName.parse(name253).valid()).isTrue();
        assertThat(DomainName.parse(name253 + "b").invalidReason()).contains("longer than 253");
    }

    @Test
    void knowsTheOtherSpellingOfAnInternationalisedName() {
        assertThat(DomainName.of("münchen.de").alternateSpelling()).contains("xn--mnchen-3ya.de");
        assertThat(DomainName.of("xn--mnchen-3ya.de").alternateSpelling())
                .contains("xn--mnchen-3ya.de");
        assertThat(DomainName.of("example.com").alternateSpelling()).isEmpty();
    }

    @Test
    void aNameInDecomposedUnicodeIsTheSameDomainAsItsComposedForm() {
        DomainName decomposed = DomainName.of("mu\u0308nchen.de");

        assertThat(decomposed.stored()).isEqualTo("m\u00fcnchen.de");
        assertThat(decomposed).isEqualTo(DomainName.of("xn--mnchen-3ya.de"));
    }

    @Test
    void aNameThatIdna2003And2008ResolveDifferentlyIsRefusedRatherThanSentAsAnotherName() {
        // Java's IDN would send straße.de as strasse.de, a different domain
        assertThat(DomainName.parse("straße.de").invalidReason())
                .contains("sharp s")
                .contains("xn--");
        assertThat(DomainName.parse("STRAẞE.de").valid()).isFalse();
        assertThat(DomainName.of("xn--strae-oqa.de").ascii()).isEqualTo("xn--strae-oqa.de");
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            bücher.de          | xn--bcher-kva.de   | true
            xn--bcher-kva.de   | BÜCHER.DE.         | true
            example.com        | Example.COM.       | true
            example.com        | example.org        | false
            tocoru.bench       | other.bench        | false
            'not a name'       | 'not a name'       | true
            'not a name'       | 'not  a name'      | false
            """)
    void aStoredNameAndAWrittenNameAreOneDomainInAnySpellingOrCase(
            String stored, String written, boolean same) {
        assertThat(DomainName.sameDomain(stored, written)).isEqualTo(same);
    }
}
