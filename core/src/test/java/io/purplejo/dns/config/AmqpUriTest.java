/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
            amqp://dns:p@ss w0rd@mq:5672/vh               | false | mq          | 5672 | vh         | dns   | p@ss w0rd
            amqp://dns:pa+ss@rabbit_mq/vh                 | false | rabbit_mq   | 5672 | vh         | dns   | pa+ss
            amqp://dns:pw@[::1]:5673/vh?heartbeat=5       | false | [::1]       | 5673 | vh         | dns   | pw
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amqp://dns:p@ss w0rd@mq:5673/team%2Fdns?heartbeat=5&connection_timeout=700",
                "amqps://u:p%2Fq@[::1]/vh",
                "amqp://mq/"
            })
    void theAmqpClientReadsTheSameConnectionFromTheUriItIsHanded(String uri) throws Exception {
        AmqpUri parsed = AmqpUri.parse(uri);
        ConnectionFactory factory = new ConnectionFactory();

        factory.setUri(parsed.connectionUri());

        assertThat(factory.getUsername()).isEqualTo(parsed.user());
        assertThat(factory.getPassword()).isEqualTo(parsed.password());
        assertThat(factory.getHost()).isEqualTo(parsed.host());
        assertThat(factory.getPort()).isEqualTo(parsed.port());
        assertThat(factory.isSSL()).isEqualTo(parsed.tls());
        if (!parsed.virtualHost().equals("/")) {
            assertThat(factory.getVirtualHost()).isEqualTo(parsed.virtualHost());
        }
        if (parsed.parameters().containsKey("heartbeat")) {
            assertThat(factory.getRequestedHeartbeat()).isEqualTo(5);
            assertThat(factory.getConnectionTimeout()).isEqualTo(700);
        }
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
            amqp://u:Hunter2secret@mq/?heartbeat=soon | parameter 'heartbeat' takes a whole number
            amqp://u:Hunter2%zz@mq/                   | malformed percent-escape in the password
            amqp://u:Hunter2secret@mq/v h             | a character not allowed in the path
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
