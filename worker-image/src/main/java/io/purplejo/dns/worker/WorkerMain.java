package io.purplejo.dns.worker;

import io.purplejo.dns.schema.MigrateCommand;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code dns-worker.jar}. */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("migrate")) {
            System.exit(MigrateCommand.run(list.subList(1, list.size()), System.getenv()));
        }
        System.err.println("dns-worker: not implemented yet; only 'migrate' is available");
        System.exit(2);
    }
}
