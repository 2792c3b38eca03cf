/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {

    @Test
    void aBatchSurvivesTheRoundTrip() {
        WorkMessage.DomainBatch batch =
                new WorkMessage.DomainBatch(
                        17,
                        List.of("A", "TXT"),
                        List.of(
                                new WorkMessage.DomainRef(101, "example.com"),
                                new WorkMessage.DomainRef(0, "münchen.de")));

        WorkMessage decoded =
                MessageCodec.decode(MessageCodec.encode(batch), MessageCodec.BATCH_CONTENT_TYPE);

        assertThat(decoded).isEqualTo(batch);
    }

    @Test
    void aBatchIsRecognisedWithoutItsContentType() {
        byte[] body =
                "{\"v\":1,\"run\":3,\"domains\":[[1,\"a.example\"]],\"future\":{\"x\":[1]}}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(MessageCodec.decode(body, null))
                .isEqualTo(
                        new WorkMessage.DomainBatch(
                                3, List.of(), List.of(new WorkMessage.DomainRef(1, "a.example"))));
    }

    @Test
    void aLegacyBodyIsOneDomainOrTheStopSignal() {
        assertThat(MessageCodec.decode("example.com".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(new WorkMessage.LegacyDomain("example.com"));
        assertThat(MessageCodec.decode("__STOP__".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .isInstanceOf(WorkMessage.Stop.class);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"v":1,"run":3                          | not valid JSON
            {"v":2,"run":3,"domains":[]}            | unsupported batch message version 2
            {"v":1,"domains":[]}                    | no run id
            {"v":1,"run":3}                         | no domains
            {"v":1,"run":3,"domains":[["x",1]]}     | lacks its id
            [1,2]                                   | not a JSON object
            """)
    void anUndecodableBatchIsRejectedWithItsReason(String body, String reason) {
        assertThatThrownBy(
                        () ->
                                MessageCodec.decode(
                                        body.getBytes(StandardCharsets.UTF_8),
                                        MessageCodec.BATCH_CONTENT_TYPE))
                .isInstanceOf(UndecodableMessageException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aLegacyBodyThatIsNotUtf8IsUndecodable() {
        assertThatThrownBy(
                        () -> MessageCodec.decode(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}, null))
                .isInstanceOf(UndecodableMessageException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[0], null))
                .hasMessageContaining("empty");
    }

    @Test
    void aLegacyBodyLongerThanAnyDomainNameIsUndecodable() {
        byte[] longest =
                ("a".repeat(MessageCodec.MAX_LEGACY_BYTES - 1) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(MessageCodec.decode(longest, null)).isInstanceOf(WorkMessage.LegacyDomain.class);

        byte[] huge = "a".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MessageCodec.decode(huge, null))
                .isInstanceOf(UndecodableMessageException.class)
                .hasMessageContaining("legacy message of 2000000 bytes cannot be a domain name");
    }

    @Test
    void aBatchOfMoreDomainsThanTheLimitIsUndecodable() {
        List<WorkMessage.DomainRef> most = new java.util.ArrayList<>();
        for (int i = 1; i <= MessageCodec.MAX_BATCH_DOMAINS; i++) {
            most.add(new WorkMessage.DomainRef(i, "d" + i + ".test"));
        }
        byte[] full = MessageCodec.encode(new WorkMessage.DomainBatch(1, List.of("A"), most));
        assertThat(
                        ((WorkMessage.DomainBatch)
                                        MessageCodec.decode(full, MessageCodec.BATCH_CONTENT_TYPE))
                                .domains())
                .hasSize(MessageCodec.MAX_BATCH_DOMAINS);

        most.add(new WorkMessage.DomainRef(0, "one-more.test"));
        byte[] over = MessageCodec.encode(new WorkMessage.DomainBatch(1, List.of("A"), most));
        assertThatThrownBy(() -> MessageCodec.decode(over, MessageCodec.BATCH_CONTENT_TYPE))
                .hasMessageContaining("more than " + MessageCodec.MAX_BATCH_DOMAINS + " domains");
        byte[] huge =
                ("{\"v\":1,\"pad\":\"" + "x".repeat(MessageCodec.MAX_BATCH_BYTES) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MessageCodec.decode(huge, MessageCodec.BATCH_CONTENT_TYPE))
                .hasMessageContaining(
                        "is larger than the limit of " + MessageCodec.MAX_BATCH_BYTES);
    }
}
