/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.db.DatabaseRefusedException;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.schema.SchemaMigrationException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Why a publish attempt ended, and what follows: its exit code and whether waiting can cure it. The
 * one place that maps the exceptions of PostgreSQL, RabbitMQ and the configuration to the
 * publisher's exit codes (the Job's podFailurePolicy fails a run at once on {@link
 * Kind#CONFIGURATION}).
 */
public record PublisherFailure(Kind kind, String message) {
    /** The kinds of failure, with their exit codes. */
    public enum Kind {
        /** A bad option, DSN, URL, selection or database: retrying cannot help. */
        CONFIGURATION(ExitCodes.CONFIGURATION, false),
        /** PostgreSQL could not be reached or was lost. */
        DATABASE_UNAVAILABLE(ExitCodes.DATABASE, true),
        /** PostgreSQL refused a statement for a reason waiting does not cure. */
        DATABASE_ERROR(ExitCodes.DATABASE, false),
        /** RabbitMQ could not be reached, was lost, or did not confirm. */
        BROKER_UNAVAILABLE(ExitCodes.BROKER, true),
        /** The process was asked to stop. */
        INTERRUPTED(ExitCodes.OTHER, false);

        private final int exitCode;
        private final boolean transientFailure;

        Kind(int exitCode, boolean transientFailure) {
            this.exitCode = exitCode;
            this.transientFailure = transientFailure;
        }

        public int exitCode() {
            return exitCode;
        }

        /** Whether the same attempt may succeed once the service is back. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    public static PublisherFailure of(Throwable t, String broker) {
        if (t instanceof InvalidConfigurationException || t instanceof SchemaMigrationException) {
            return new PublisherFailure(Kind.CONFIGURATION, t.getMessage());
        }
        if (t instanceof DatabaseUnavailableException) {
            return new PublisherFailure(Kind.DATABASE_UNAVAILABLE, t.getMessage());
        }
        if (t instanceof SQLException e && DatabaseRefusedException.refuses(e)) {
            return new PublisherFailure(
                    Kind.CONFIGURATION,
                    "PostgreSQL refused the connection: "
                            + rootMessage(e)
                            + " (a configuration error: retrying cannot help)");
        }
        if (t instanceof SQLException e) {
            return new PublisherFailure(
                    transientSql(e) ? Kind.DATABASE_UNAVAILABLE : Kind.DATABASE_ERROR,
                    "PostgreSQL error: " + e.getMessage());
        }
        if (refusedCredentials(t)) {
            return new PublisherFailure(
                    Kind.CONFIGURATION,
                    "RabbitMQ at " + broker + " refused the credentials: " + rootMessage(t));
        }
        Integer reply = replyCode(t);
        if (reply != null && permanentReply(reply)) {
            return new PublisherFailure(
                    Kind.CONFIGURATION,
                    "RabbitMQ at "
                            + broker
                            + " refused the request for a"
                            + " reason waiting does not cure (AMQP reply "
                            + reply
                            + "): "
                            + rootMessage(t));
        }
        if (t instanceof IOException
                || t instanceof TimeoutException
                || t instanceof ShutdownSignalException) {
            return new PublisherFailure(
                    Kind.BROKER_UNAVAILABLE, "RabbitMQ at " + broker + ": " + rootMessage(t));
        }
        if (t instanceof InterruptedException) {
            return new PublisherFailure(Kind.INTERRUPTED, "interrupted");
        }
        throw new IllegalArgumentException("not a publisher failure: " + t, t);
    }

    /**
     * SQLSTATE classes that describe the server or the connection, not the statement: connection
     * exceptions (08), insufficient resources (53), operator intervention such as a restart (57P),
     * system errors (58), and serialization failures or deadlocks (40001, 40P01).
     */
    static boolean transientSql(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return e.getCause() instanceof IOException;
        }
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || state.startsWith("58")
                || state.equals("40001")
                || state.equals("40P01");
    }

    /** The broker rejected the user or password (ACCESS_REFUSED at login). */
    private static boolean refusedCredentials(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PossibleAuthenticationFailureException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reply code of the broker's close of the connection or channel, if one ended the attempt.
     */
    static Integer replyCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ShutdownSignalException s && !s.isInitiatedByApplication()) {
                Object reason = s.getReason();
                if (reason instanceof AMQP.Connection.Close close) {
                    return close.getReplyCode();
                }
                if (reason instanceof AMQP.Channel.Close close) {
                    return close.getReplyCode();
                }
            }
        }
        return null;
    }

    /**
     * AMQP 0-9-1 replies that say the request is wrong for this broker, so that the same attempt
     * fails the same way after any wait: access refused (403), precondition failed (406), the frame
     * and command errors (501-505), not allowed (530), not implemented (540), and codes the
     * specification does not name. A forced close (320), a resource error (506), an internal error
     * (541), not found (404, the queue may come) and resource locked (405) are waited out.
     */
    static boolean permanentReply(int code) {
        return switch (code) {
            case 320, 404, 405, 506, 541 -> false;
            default -> code >= 400;
        };
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
