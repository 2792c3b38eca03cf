/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmqpUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            amqp://dns:s3cret@mq.internal:5672/extraction | false | mq.internal | 5672 | extraction | dns   | s3cret
            amqp://dns:s3cret@mq.internal/                | false | mq.internal | 5672 | /          | dns   | s3cret
            amqp://mq.internal                            | false | mq.internal | 5672 | /          | guest | guest
            amqp://u:p@mq:5672/%2F                        | false | mq          | 5672 | /          | u     | p
            amqp://u:p%2Fq@mq:5672/team%2Fdns             | false | mq          | 5672 | team/dns   | u     | p/q
            amqps://u:p@mq/vh                             | true  | mq          | 5671 | vh         | u     | p
            """)
    void parsesTheRabbitMqUriForms(
            String uri,
            boolean tls,
            String host,
            int port,
            String vhost,
            String user,
            String password) {
        AmqpUri parsed = AmqpUri.parse(uri);

        assertThat(parsed.tls()).isEqualTo(tls);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.virtualHost()).isEqualTo(vhost);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ''                                        | empty
            mq.internal:5672                          | no scheme
            http://u:Hunter2secret@mq:5672/           | unsupported scheme 'http'
            amqp://u:Hunter2secret@mq:70000/          | invalid port '70000'
            amqp://u:Hunter2secret@:5672/             | no host
            amqp://u:Hunter2secret@mq:5672/a/b        | one path segment
            """)
    void rejectsAMalformedUriWithoutPrintingThePassword(String uri, String problem) {
        assertThatThrownBy(() -> AmqpUri.parse(uri))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Hunter2"));
    }

    @Test
    void masksThePasswordWhenPrinted() {
        assertThat(AmqpUri.parse("amqp://dns:Hunter2secret@mq:5672/extraction").toString())
                .isEqualTo("amqp://dns:***@mq:5672/extraction");
    }
}
