/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.amqp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.purplejo.dns.config.AmqpUri;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Against the test RabbitMQ on 127.0.0.1:5672 (guest/guest), as {@code .ci/services} runs it. */
class BrokerRefusedExceptionTest {

    @Test
    void aWrongPasswordIsRefusedAsAConfigurationErrorWithoutThePassword() {
        AmqpUri uri = AmqpUri.parse("amqp://guest:Hunter2secret@127.0.0.1:5672/%2F");

        assertThatThrownBy(() -> AmqpConnections.open(uri, "test"))
                .isInstanceOf(BrokerRefusedException.class)
                .hasMessageContaining("RabbitMQ at amqp://guest:***@127.0.0.1:5672")
                .hasMessageContaining("refused the credentials of user 'guest'")
                .hasMessageNotContaining("Hunter2");
    }

    @Test
    void aMissingVirtualHostIsRefusedByNameInsteadOfAnEmptyReason() {
        AmqpUri uri = AmqpUri.parse("amqp://guest:guest@127.0.0.1:5672/no-such-vhost");

        assertThatThrownBy(() -> AmqpConnections.open(uri, "test"))
                .isInstanceOf(BrokerRefusedException.class)
                .hasMessageContaining("refused virtual host 'no-such-vhost'")
                .hasMessageNotContaining("null");
    }

    @Test
    void anUnreachableBrokerIsAnOutageThatSaysWhy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        AmqpUri uri = AmqpUri.parse("amqp://guest:Hunter2secret@127.0.0.1:" + closed + "/");

        assertThatThrownBy(() -> AmqpConnections.open(uri, "test"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(
                        "cannot connect to RabbitMQ at amqp://guest:***@127.0.0.1:" + closed)
                .hasMessageContaining("Connection refused")
                .hasMessageNotContaining("Hunter2");
    }
}
