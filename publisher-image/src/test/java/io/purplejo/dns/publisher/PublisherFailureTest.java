/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.AMQImpl;
import io.purplejo.dns.config.ExitCodes;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublisherFailureTest {
    private static IOException connectionClosed(int code, String text) {
        ShutdownSignalException s =
                new ShutdownSignalException(
                        true, false, new AMQImpl.Connection.Close(code, text, 0, 0), null);
        return new IOException(s);
    }

    private static IOException channelClosed(int code, String text) {
        ShutdownSignalException s =
                new ShutdownSignalException(
                        false, false, new AMQImpl.Channel.Close(code, text, 50, 10), null);
        return new IOException(s);
    }

    @ParameterizedTest(name = "connection closed with {0} -> exit {1}")
    @CsvSource(
            textBlock =
                    """
            320, 4
            403, 2
            406, 2
            506, 4
            530, 2
            540, 2
            541, 4
            542, 2
            """)
    void aBrokerRefusalThatWaitingCannotCureIsAConfigurationFailure(int code, int exit) {
        PublisherFailure f =
                PublisherFailure.of(connectionClosed(code, "REPLY " + code), "amqp://u:***@mq/");

        assertThat(f.kind().exitCode()).isEqualTo(exit);
        assertThat(f.kind().isTransient()).isEqualTo(exit == ExitCodes.BROKER);
        if (exit == ExitCodes.CONFIGURATION) {
            assertThat(f.message()).contains("AMQP reply " + code).contains("amqp://u:***@mq/");
        }
    }

    @Test
    void aChannelClosedForAMissingQueueIsWaitedOut() {
        PublisherFailure f =
                PublisherFailure.of(channelClosed(404, "NOT_FOUND - no queue"), "amqp://mq/");

        assertThat(f.kind()).isEqualTo(PublisherFailure.Kind.BROKER_UNAVAILABLE);
    }

    @Test
    void refusedCredentialsAreAConfigurationFailure() {
        PublisherFailure f =
                PublisherFailure.of(
                        new AuthenticationFailureException(
                                "ACCESS_REFUSED - Login was" + " refused"),
                        "amqp://u:***@mq/");

        assertThat(f.kind()).isEqualTo(PublisherFailure.Kind.CONFIGURATION);
        assertThat(f.message()).contains("refused the credentials");
    }

    @Test
    void aLostConnectionIsStillAnOutage() {
        PublisherFailure f =
                PublisherFailure.of(
                        new java.net.ConnectException("Connection refused"), "amqp://mq/");

        assertThat(f.kind()).isEqualTo(PublisherFailure.Kind.BROKER_UNAVAILABLE);
    }
}
