package io.purplejo.dns.operator.observe;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.purplejo.dns.amqp.AmqpConnections;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's connections to the runs' databases and brokers, one pool or connection per distinct DSN
 * or URL, shared by every run that uses it. Progress and queue depth are read without loading domains.
 */
public final class RunBackends implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunBackends.class);

    private final Map<PostgresDsn, Database> databases = new ConcurrentHashMap<>();
    private final Map<String, Connection> brokers = new ConcurrentHashMap<>();

    /** The run's progress, empty when its publisher has not created it yet; throws when the database fails. */
    public Optional<RunProgress> progress(PostgresDsn dsn, String runKey) throws java.sql.SQLException {
        Database db = databases.computeIfAbsent(dsn, d -> Database.open(d, 2, "dns-operator"));
        return new RunProgressQuery(db.dataSource()).byName(runKey);
    }

    /** Messages ready in the queue; 0 when the queue does not exist yet; throws when the broker cannot answer. */
    public long queueDepth(AmqpUri uri, String queue) throws IOException {
        Connection c = broker(uri);
        try (Channel ch = c.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            if (isNotFound(e)) {
                return 0;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Deletes the run's queue and its dead-letter queue; absent queues are fine. */
    public void deleteQueue(AmqpUri uri, String queue) throws IOException {
        Connection c = broker(uri);
        for (String q : new String[] {queue, io.purplejo.dns.message.QueueNames.deadLetterQueue(queue)}) {
            try (Channel ch = c.createChannel()) {
                ch.queueDelete(q);
            } catch (IOException e) {
                if (!isNotFound(e)) {
                    throw e;
                }
            } catch (TimeoutException e) {
                throw new IOException(e);
            }
        }
    }

    private static boolean isNotFound(IOException e) {
        Throwable t = e.getCause();
        return t != null && t.getMessage() != null && t.getMessage().contains("NOT_FOUND");
    }

    private Connection broker(AmqpUri uri) throws IOException {
        String key = uri.toString() + "#" + uri.password().hashCode();
        Connection c = brokers.get(key);
        if (c != null && c.isOpen()) {
            return c;
        }
        c = AmqpConnections.open(uri, "dns-operator");
        brokers.put(key, c);
        return c;
    }

    @Override
    public void close() {
        databases.values().forEach(Database::close);
        brokers.values().forEach(c -> {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing broker connection: {}", e.toString());
            }
        });
    }
}
