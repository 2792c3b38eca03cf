package io.purplejo.dns.publisher;

import ch.qos.logback.classic.Level;
import com.rabbitmq.client.ShutdownSignalException;
import io.purplejo.dns.config.CommandLineOptions;
import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.config.ParsedOptions;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.db.DatabaseUnavailableException;
import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.schema.SchemaMigrationException;
import io.purplejo.dns.schema.SchemaMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code dns-publisher.jar}. Exit codes: 0 everything published and confirmed; 2 bad
 * option, DSN, URL or selection; 3 PostgreSQL unreachable, or no {@code domains} table; 4 RabbitMQ
 * unreachable or lost. Each failure prints one line saying why.
 */
public final class PublisherMain {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherMain.class);

    private PublisherMain() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("migrate")) {
            System.exit(MigrateCommand.run(list.subList(1, list.size()), System.getenv()));
        }
        System.exit(run(list, System.getenv(), System.out, System.err));
    }

    /** Runs the publisher with these arguments and environment; returns the exit code. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLineOptions declared = PublisherSettings.declare();
        PublisherSettings settings;
        try {
            ParsedOptions opts = declared.parse(args, env);
            if (opts.helpRequested()) {
                out.print(declared.usage());
                return 0;
            }
            settings = PublisherSettings.from(opts);
        } catch (InvalidConfigurationException e) {
            err.println("dns-publisher: " + e.getMessage());
            return 2;
        }
        if (settings.verbose()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        }
        try (Database db = Database.open(settings.postgres(), 2, "dns-publisher")) {
            db.awaitReachable(Duration.ofSeconds(30));
            requireDomainsTable(db);
            new SchemaMigrator(db.dataSource()).migrate();
            DomainPublisher publisher = new DomainPublisher(settings, db);
            if (settings.countOnly()) {
                out.println(publisher.count(publisher.maxDomainId()));
                return 0;
            }
            DomainPublisher.Result r = publisher.publish();
            LOG.info("done: {} domains published{}", r.published(),
                    settings.runMode() ? " for run '" + settings.runName() + "'" : "");
            return 0;
        } catch (InvalidConfigurationException e) {
            err.println("dns-publisher: " + e.getMessage());
            return 2;
        } catch (DatabaseUnavailableException | SchemaMigrationException e) {
            err.println("dns-publisher: " + e.getMessage());
            return 3;
        } catch (SQLException e) {
            err.println("dns-publisher: PostgreSQL error: " + e.getMessage());
            return 3;
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            err.println("dns-publisher: RabbitMQ at " + settings.rabbitmq() + ": " + rootMessage(e));
            return 4;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dns-publisher: interrupted");
            return 1;
        }
    }

    /** The publisher reads an existing extraction database: a missing domains table means the wrong database. */
    private static void requireDomainsTable(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('domains') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new DatabaseUnavailableException("database " + db.dsn().database() + " has no domains table:"
                        + " is --postgres-dsn pointing at the extraction database?", null);
            }
        }
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
