package io.purplejo.dns.worker;

import io.purplejo.dns.schema.MigrateCommand;
import io.purplejo.dns.worker.cli.ResolveCommand;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code dns-worker.jar}: {@code resolve} (standalone bulk resolution), {@code migrate}
 * (apply the schema), or, with no subcommand, the long-running queue worker.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        String sub = list.isEmpty() ? "" : list.get(0);
        List<String> rest = list.isEmpty() ? list : list.subList(1, list.size());
        int code = switch (sub) {
            case "resolve" -> ResolveCommand.run(rest, System.getenv(), System.in, System.out, System.err);
            case "migrate" -> MigrateCommand.run(rest, System.getenv());
            default -> {
                System.err.println("dns-worker: the queue worker is not implemented yet; use 'resolve' or 'migrate'");
                yield 2;
            }
        };
        System.exit(code);
    }
}
