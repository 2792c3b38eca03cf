package io.purplejo.dns.publisher;

import io.purplejo.dns.schema.MigrateCommand;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code dns-publisher.jar}. */
public final class PublisherMain {
    private PublisherMain() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("migrate")) {
            System.exit(MigrateCommand.run(list.subList(1, list.size()), System.getenv()));
        }
        // The publishing itself is the subject of issue 4 (publisher); until it lands the jar says so.
        System.err.println("dns-publisher: publishing is not implemented yet; only 'migrate' is available");
        System.exit(2);
    }
}
