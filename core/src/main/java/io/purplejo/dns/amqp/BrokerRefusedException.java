/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.util.Optional;

/**
 * RabbitMQ answered the connection and refused it: the credentials, or the virtual host (missing,
 * or the user has no access to it). A configuration error, not an outage: every component says so
 * at once (exit code 2) instead of retrying.
 */
public final class BrokerRefusedException extends InvalidConfigurationException {
    /** AMQP's connection.close code for a virtual host that is missing or not the user's. */
    static final int NOT_ALLOWED = 530;

    /** AMQP's code for refused access (some brokers close the login with it). */
    static final int ACCESS_REFUSED = 403;

    private BrokerRefusedException(String message) {
        super(message);
    }

    /** The refusal in a failed connection attempt, if it is one. */
    public static Optional<BrokerRefusedException> from(Throwable failure, AmqpUri uri) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PossibleAuthenticationFailureException) {
                return Optional.of(
                        refused(uri, "refused the credentials of user '" + uri.user() + "'"));
            }
            if (t instanceof ShutdownSignalException s
                    && !s.isInitiatedByApplication()
                    && s.getReason() instanceof AMQP.Connection.Close close) {
                if (close.getReplyCode() == NOT_ALLOWED) {
                    return Optional.of(
                            refused(
                                    uri,
                                    "refused virtual host '"
                                            + uri.virtualHost()
                                            + "' (it does not exist, or user '"
                                            + uri.user()
                                            + "' has no access to it): "
                                            + close.getReplyText()));
                }
                if (close.getReplyCode() == ACCESS_REFUSED) {
                    return Optional.of(refused(uri, "refused access: " + close.getReplyText()));
                }
            }
        }
        return Optional.empty();
    }

    private static BrokerRefusedException refused(AmqpUri uri, String what) {
        return new BrokerRefusedException(
                "RabbitMQ at "
                        + uri
                        + " "
                        + what
                        + " (a configuration error: fix the URL or the broker's users and"
                        + " virtual hosts; retrying cannot help)");
    }
}
