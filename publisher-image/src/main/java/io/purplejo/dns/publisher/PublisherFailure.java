package io.purplejo.dns.publisher;

import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.ExitCodes;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.schema.SchemaMigrationException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Why a publish attempt ended, and what follows: its exit code and whether waiting can cure it. The one
 * place that maps the exceptions of PostgreSQL, RabbitMQ and the configuration to the publisher's
 * exit codes (the Job's podFailurePolicy fails a run at once on {@link Kind#CONFIGURATION}).
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
        if (t instanceof SQLException e) {
            return new PublisherFailure(transientSql(e) ? Kind.DATABASE_UNAVAILABLE : Kind.DATABASE_ERROR,
                    "PostgreSQL error: " + e.getMessage());
        }
        if (t instanceof IOException || t instanceof TimeoutException || t instanceof ShutdownSignalException) {
            return new PublisherFailure(Kind.BROKER_UNAVAILABLE, "RabbitMQ at " + broker + ": " + rootMessage(t));
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
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
                || state.equals("40001") || state.equals("40P01");
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
