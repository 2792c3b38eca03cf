import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark helper: publishes one legacy message per line of a file (the legacy publisher's format: the
 * body is the domain name) to a durable queue with publisher confirms, then N "__STOP__" messages.
 * Run with the worker jar on the class path:
 *   java -cp worker-image/target/dns-worker.jar bench/LegacyFeed.java AMQP_URL QUEUE FILE STOPS
 */
public class LegacyFeed {
    public static void main(String[] args) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(args[0]);
        String queue = args[1];
        List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        int stops = Integer.parseInt(args[3]);
        long start = System.nanoTime();
        try (Connection c = f.newConnection("bench-legacy-feed"); Channel ch = c.createChannel()) {
            try (Channel probe = c.createChannel()) {
                probe.queueDeclarePassive(queue);
            } catch (java.io.IOException e) {
                ch.queueDeclare(queue, true, false, false, null);
            }
            ch.confirmSelect();
            int n = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                ch.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, line.getBytes(StandardCharsets.UTF_8));
                if (++n % 2000 == 0) {
                    ch.waitForConfirmsOrDie(60_000);
                }
            }
            for (int i = 0; i < stops; i++) {
                ch.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, "__STOP__".getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(60_000);
            System.err.printf("feed: %d messages in %.2f s%n", n, (System.nanoTime() - start) / 1e9);
        }
    }
}
