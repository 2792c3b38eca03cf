/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.purplejo.dns.config.PostgresDsn;
import io.purplejo.dns.db.Database;
import io.purplejo.dns.schema.SchemaMigrator;
import io.purplejo.dns.testing.TestBroker;
import io.purplejo.dns.testing.TestDatabase;
import io.purplejo.dns.testing.TestDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dns-extraction.jar run} end to end, as a user runs it: the built jar in a JVM of its own,
 * against a DNS server on loopback, with the embedded PostgreSQL and broker, and with the real
 * PostgreSQL and RabbitMQ.
 */
class LocalRunCommandIT {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Names answered after a delay: at two in flight, a run of them lasts long enough to be
     * interrupted.
     */
    private static final int SLOW = 300;

    private static TestDnsServer dns;

    @TempDir static Path tmp;

    @BeforeAll
    static void startDns() {
        dns = TestDnsServer.start();
        for (String name : new String[] {"a", "b", "c"}) {
            dns.add(name + ".local.test. 300 IN A 192.0.2.10")
                    .add(name + ".local.test. 300 IN MX 10 mail." + name + ".local.test.")
                    .add(name + ".local.test. 300 IN TXT \"v=spf1 -all\"");
        }
        dns.add("b.local.test. 300 IN AAAA 2001:db8::b");
        dns.add("xn--bcher-kva.local.test. 300 IN A 192.0.2.11");
        for (int i = 0; i < SLOW; i++) {
            dns.add("slow" + i + ".local.test. 300 IN A 192.0.2." + (i % 250 + 1));
            dns.behave("slow" + i + ".local.test", TestDnsServer.Behavior.DELAY);
        }
        dns.delay(400);
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    private static Path runFile(Path dir, String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(
                file,
                """
                apiVersion: dns.purplejo.io/v1alpha1
                kind: DnsExtractionRun
                metadata:
                  name: %s
                spec:
                  recordTypes: [A, AAAA, MX, TXT]
                  resolvers: {timeoutSeconds: 0.5, retries: 1}
                  workers: {concurrency: 50}
                  postgresDsnSecret: {name: extraction-db, key: dsn}
                  rabbitmqUrlSecret: {name: extraction-mq, key: url}
                %s"""
                        .formatted(name, extra));
        return file;
    }

    private static Path domains(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void withTheEmbeddedDefaultsARunResolvesItsDomainsAndTheDataStaysForQueriesAndTheNextRun()
            throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path run = runFile(dir, "first", "");
        Path list =
                domains(
                        dir,
                        "first.txt",
                        "# a comment",
                        "a.local.test",
                        "",
                        "B.Local.Test.",
                        "nx.local.test",
                        "not a name");

        LocalCommand.Result first =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        run.toString(),
                        "--domains-file",
                        list.toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        dir.resolve("data").toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .contains(
                        "3 names, 3 new, 0 already in domains; 1 lines are not valid names and"
                                + " were not loaded: line 6 'not a name' (contains a space)")
                .contains("(embedded)")
                .contains(
                        "Succeeded: every published domain has an outcome (3) and the queue is empty")
                .contains("domains: 3 selected, 3 published, in ")
                .contains("  extracted 3: resolved 2, nxdomain 1\n  failed 0\n")
                .contains(
                        "the status the DnsExtractionRun would hold: the same command with -o yaml")
                .doesNotContain("phase: Succeeded")
                .contains("dnsx:***@")
                .doesNotContainPattern("dnsx:[0-9a-f]{32}@");
        try (Stream<Path> logs = Files.list(dir.resolve("data").resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log))
                        .as("the broker's password is never logged")
                        .doesNotContainPattern("dnsx:[0-9a-f]{32}@")
                        .as("the course of the run is in its log, as the terminal showed it")
                        .contains("progress: Succeeded published 3/3 extracted 3 failed 0");
            }
        }

        LocalCommand.Result query =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "query",
                        "b.local.test",
                        "--data-dir",
                        dir.resolve("data").toString());
        assertThat(query.exitCode()).as(query.toString()).isZero();
        assertThat(query.out())
                .contains("outcome resolved")
                .contains("A     192.0.2.10")
                .contains("AAAA  2001:db8::b")
                .contains("MX    10 mail.b.local.test")
                .contains("TXT   v=spf1 -all");

        // the same data directory: the new name is selected (NeverExtracted), the resolved ones are
        // not
        Path second = runFile(dir, "second", "");
        LocalCommand.Result next =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        second.toString(),
                        "--domains-file",
                        domains(dir, "second.txt", "a.local.test", "c.local.test").toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--output",
                        "json");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.err())
                .contains("2 names, 1 new, 1 already in domains")
                .contains("domains: 1 selected, 1 published, in ")
                .contains("  extracted 1: resolved 1");
        com.fasterxml.jackson.databind.JsonNode status =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(next.out())
                        .get("status");
        assertThat(status.get("phase").asText()).isEqualTo("Succeeded");
        assertThat(status.get("outcomes").get("resolved").asLong()).isEqualTo(1);
        assertThat(
                        LocalCommand.run(
                                        dir,
                                        RUN_TIMEOUT,
                                        "query",
                                        "c.local.test",
                                        "--data-dir",
                                        dir.resolve("data").toString())
                                .out())
                .contains("A     192.0.2.10")
                .contains("in run local/second");

        // the results, for psql and other tools, while 'db' serves them
        Process db = LocalCommand.start(dir, "db", "--data-dir", dir.resolve("data").toString());
        await().atMost(Duration.ofMinutes(1))
                .until(() -> LocalCommand.latestOutput(dir).contains("DSN: "));
        Matcher dsn = Pattern.compile("DSN: (\\S+)").matcher(LocalCommand.latestOutput(dir));
        assertThat(dsn.find()).isTrue();
        Path pgpass = dir.resolve("data").resolve("pgpass");
        assertThat(next.err())
                .as("the DSN printed after the run is the one db serves")
                .contains(
                        "the database, for psql: PGPASSFILE="
                                + pgpass
                                + " psql '"
                                + dsn.group(1)
                                + "' (served while");
        String password =
                Files.readString(dir.resolve("data").resolve("postgres-password")).strip();
        assertThat(next.out() + LocalCommand.latestOutput(dir))
                .as("the password is never printed")
                .doesNotContain(password);
        assertThat(Files.readString(pgpass)).contains(":postgres:" + password);
        for (Path secret : List.of(pgpass, dir.resolve("data").resolve("postgres-password"))) {
            assertThat(
                            java.nio.file.attribute.PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(secret)))
                    .as(secret + " is readable by its owner only")
                    .isEqualTo("rw-------");
        }
        assertThat(
                        java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(
                                        dir.resolve("data").resolve("postgres-socket"))))
                .as("only the owner may enter the socket directory")
                .isEqualTo("rwx------");
        // another user of this machine (this test's own user is not the command's when it runs
        // as root) knows the address but not the password: refused, over TCP
        for (String guess :
                List.of(dsn.group(1), dsn.group(1).replace("postgres@", "postgres:postgres@"))) {
            try (Database stranger = Database.open(PostgresDsn.parse(guess), 1, "stranger")) {
                assertThatThrownBy(() -> stranger.awaitReachable(Duration.ofSeconds(10)))
                        .as(guess)
                        .isInstanceOf(io.purplejo.dns.db.DatabaseRefusedException.class);
            }
        }
        String withPassword = dsn.group(1).replace("postgres@", "postgres:" + password + "@");
        try (Database served = Database.open(PostgresDsn.parse(withPassword), 1, "test");
                java.sql.Connection c = served.dataSource().getConnection();
                java.sql.ResultSet rs =
                        c.createStatement().executeQuery("SELECT count(*) FROM domains")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(4);
        }
        LocalCommand.signal(db, "TERM");
        assertThat(LocalCommand.finish(db, dir, RUN_TIMEOUT).exitCode()).isZero();

        // an unpack of the binaries cut short (Ctrl-C in the first start's first seconds): no
        // ready mark, files missing; the next start unpacks them again instead of failing
        Path binaries;
        try (Stream<Path> dirs = Files.list(dir.resolve("data").resolve("postgres-binaries"))) {
            binaries =
                    dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                            .findFirst()
                            .orElseThrow();
        }
        Files.delete(binaries.resolve(".exists"));
        // the archive's links come before their targets: a link whose target was not unpacked yet
        try (Stream<Path> lib = Files.list(binaries.resolve("lib"))) {
            Path link = lib.filter(Files::isSymbolicLink).findFirst().orElseThrow();
            Files.delete(link.resolveSibling(Files.readSymbolicLink(link)));
        }
        LocalCommand.Result repaired =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "query",
                        "b.local.test",
                        "--data-dir",
                        dir.resolve("data").toString());
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("A     192.0.2.10");
    }

    @Test
    void theReadmesFirstCommandInAnEightyColumnTerminalShowsOneLiveLineAndAShortSummary()
            throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path run = Files.copy(Path.of("..", "examples", "quickstart.yaml"), dir.resolve("q.yaml"));
        Path list =
                Files.copy(
                        Path.of("..", "examples", "quickstart-domains.txt"),
                        dir.resolve("q-domains.txt"));

        long names =
                Files.readAllLines(list).stream()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .count();

        LocalCommand.Result shown =
                LocalCommand.runInTerminal(
                        dir,
                        RUN_TIMEOUT,
                        80,
                        "run",
                        run.toString(),
                        "--domains-file",
                        list.toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        dir.resolve("data").toString());

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        String screen = shown.out();
        List<String> frames = new java.util.ArrayList<>();
        for (String piece : screen.split("\r")) {
            String visible = piece.replace("\033[K", "").replace("\n", "");
            if (visible.startsWith("[")) {
                frames.add(visible);
            }
        }
        assertThat(frames).as(screen).isNotEmpty();
        assertThat(frames)
                .as("the bar is redrawn in place, never reaching the last column")
                .allSatisfy(f -> assertThat(f.length()).isLessThan(80));
        List<String> afterTheBar =
                List.of(screen.substring(screen.lastIndexOf("\033[K") + 3).split("\r?\n"));
        assertThat(afterTheBar)
                .as("a short summary, not the status")
                .anySatisfy(l -> assertThat(l).startsWith("Succeeded: "))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "domains: "
                                                        + names
                                                        + " selected, "
                                                        + names
                                                        + " published, in "))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .isEqualTo("  extracted " + names + ": nxdomain " + names))
                .noneSatisfy(l -> assertThat(l).contains("phase:"));
        assertThat(afterTheBar.stream().filter(l -> !l.isBlank()).count()).isLessThan(12);
    }

    @Test
    void ctrlCWhileTheFirstStartUnpacksPostgresqlSaysSoInsteadOfExitingWithoutAWord()
            throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path run = runFile(dir, "early", "");
        Process p =
                LocalCommand.start(
                        dir,
                        "run",
                        run.toString(),
                        "--domains-file",
                        domains(dir, "early.txt", "a.local.test").toString(),
                        "--data-dir",
                        dir.resolve("data").toString());
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () ->
                                LocalCommand.latestOutput(dir)
                                        .contains("the first start unpacks PostgreSQL into "));

        LocalCommand.signal(p, "INT");
        LocalCommand.Result early = LocalCommand.finish(p, dir, RUN_TIMEOUT);

        assertThat(early.exitCode()).as(early.toString()).isEqualTo(130);
        assertThat(early.out())
                .as("said from the first second, and on Ctrl-C")
                .contains("starting the embedded PostgreSQL and broker ...")
                .contains("dns-extraction: interrupted (SIGINT) while starting; nothing ran")
                .doesNotContain("Succeeded");
    }

    @Test
    void anInterruptedRunLosesNothingAndTheNextRunResolvesTheRest() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path data = dir.resolve("data");
        Path list =
                domains(
                        dir,
                        "slow.txt",
                        IntStream.range(0, SLOW)
                                .mapToObj(i -> "slow" + i + ".local.test")
                                .toArray(String[]::new));
        Path run = runFile(dir, "slow", "");
        Files.writeString(run, Files.readString(run).replace("concurrency: 50", "concurrency: 2"));

        Process p =
                LocalCommand.start(
                        dir,
                        "run",
                        run.toString(),
                        "--domains-file",
                        list.toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        data.toString());
        await().atMost(Duration.ofMinutes(2))
                .until(() -> resolvedSoFar(LocalCommand.latestOutput(dir)) > 0);
        LocalCommand.signal(p, "INT");
        LocalCommand.Result interrupted = LocalCommand.finish(p, dir, RUN_TIMEOUT);

        assertThat(interrupted.exitCode()).as(interrupted.toString()).isEqualTo(130);
        assertThat(interrupted.out()).contains("interrupted (SIGINT)").doesNotContain("Succeeded");
        Matcher done =
                Pattern.compile("^  extracted (\\d+)", Pattern.MULTILINE)
                        .matcher(interrupted.out());
        assertThat(done.find()).as(interrupted.toString()).isTrue();
        long first = Long.parseLong(done.group(1));
        assertThat(first).isBetween(1L, SLOW - 1L);

        Path again = runFile(dir, "slow-again", "");
        LocalCommand.Result rest =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        again.toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        data.toString());
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        long remaining = SLOW - first;
        assertThat(rest.out())
                .contains("domains: " + remaining + " selected, " + remaining + " published, in ")
                .contains("  extracted " + remaining + ": ")
                .contains("  failed 0");
    }

    private static long resolvedSoFar(String out) {
        Matcher m = Pattern.compile("extracted (\\d+)").matcher(out);
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    @Test
    void onGivenServicesARunStoresItsRecordsThereAndRemovesItsQueue() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) VALUES ('a.local.test', now(), now()),"
                            + " ('b.local.test', now(), now()),"
                            // a row a legacy system stored in punycode
                            + " ('xn--bcher-kva.local.test', now(), now())");
            Path run = runFile(dir, "given", "  queueName: dnsx.local-test." + dir.getFileName());

            LocalCommand.Result r =
                    LocalCommand.run(
                            dir,
                            RUN_TIMEOUT,
                            "run",
                            run.toString(),
                            "--postgres-dsn",
                            db.dsnText(),
                            "--rabbitmq-url",
                            TestBroker.URL,
                            "--resolvers",
                            dns.spec(),
                            "--data-dir",
                            dir.resolve("data").toString(),
                            "--workers",
                            "2");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out())
                    .contains("domains: 3 selected, 3 published, in ")
                    .contains("  extracted 3: ")
                    .contains("  failed 0")
                    .doesNotContain("(embedded)")
                    .doesNotContain("guest:guest");
            assertThat(
                            db.queryStrings(
                                    "SELECT d.name || ' ' || a.ip_address FROM a_records a JOIN domains d"
                                            + " ON d.id = a.domain_id ORDER BY 1"))
                    .containsExactly(
                            "a.local.test 192.0.2.10",
                            "b.local.test 192.0.2.10",
                            "xn--bcher-kva.local.test 192.0.2.11");
            assertThat(db.queryLong("SELECT count(*) FROM domains")).isEqualTo(3);
            assertThat(db.queryLong("SELECT count(*) FROM mx_records")).isEqualTo(2);

            // the Unicode spelling finds the punycode row, also where the JVM decodes arguments as
            // ASCII
            LocalCommand.Result query =
                    LocalCommand.runInPosixLocale(
                            dir,
                            RUN_TIMEOUT,
                            "query",
                            "bücher.local.test",
                            "--postgres-dsn",
                            db.dsnText());
            assertThat(query.exitCode()).as(query.toString()).isZero();
            assertThat(query.out())
                    .contains("xn--bcher-kva.local.test")
                    .contains("A     192.0.2.11");
            assertThat(queueExists("dnsx.local-test." + dir.getFileName())).isFalse();
            assertThat(Files.exists(dir.resolve("data").resolve("postgres")))
                    .as("nothing embedded started")
                    .isFalse();
        }
    }

    @Test
    void aRunWhoseResolversNeverAnswerFailsAndTheNextRunSelectsItsDomainsAgain() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        try (TestDatabase db = TestDatabase.create();
                // a resolver that takes the queries and never answers
                java.net.DatagramSocket silent =
                        new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) VALUES ('a.local.test', '2020-01-01', '2020-01-01'),"
                            + " ('b.local.test', '2020-01-01', '2020-01-01')");
            Path run =
                    runFile(dir, "deaf", "  queueName: dnsx.local-test.deaf." + dir.getFileName());

            LocalCommand.Result deaf =
                    onGivenServices(dir, run, db, "127.0.0.1:" + silent.getLocalPort());

            assertThat(deaf.exitCode()).as(deaf.toString()).isEqualTo(1);
            assertThat(deaf.out())
                    .contains("Failed")
                    .contains("NothingExtracted")
                    .contains("the resolvers never answered: all 2 domains timed out");
            assertThat(db.queryStrings("SELECT updated_at::date::text FROM domains"))
                    .as("a timeout is not an extraction")
                    .containsOnly("2020-01-01");

            Path again =
                    runFile(
                            dir,
                            "again",
                            "  queueName: dnsx.local-test.again." + dir.getFileName());
            LocalCommand.Result answered = onGivenServices(dir, again, db, dns.spec());

            assertThat(answered.exitCode()).as(answered.toString()).isZero();
            assertThat(answered.out())
                    .as("NeverExtracted selects the domains that only timed out")
                    .contains("domains: 2 selected, 2 published, in ")
                    .contains("  extracted 2: ")
                    .contains("  failed 0");

            // exactly the failures of the deaf run, whatever else the table holds
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at) VALUES ('c.local.test', now(), now())");
            Path retry =
                    runFile(
                            dir,
                            "retry",
                            "  queueName: dnsx.local-test.retry."
                                    + dir.getFileName()
                                    + "\n  selection: {mode: FailuresOf, failuresOf: deaf}");
            LocalCommand.Result retried = onGivenServices(dir, retry, db, dns.spec());
            assertThat(retried.exitCode()).as(retried.toString()).isZero();
            assertThat(retried.out())
                    .contains("domains: 2 selected, 2 published, in ")
                    .contains("  extracted 2: ")
                    .contains("  failed 0");
        }
    }

    @Test
    void aListRunResolvesTheListedNamesNotWhatEarlierRunsLeftInTheTable() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            // left by an earlier, interrupted run: never extracted
            db.execute(
                    "INSERT INTO domains (name, created_at, updated_at)"
                            + " SELECT format('left%s.local.test', g), now(), now() FROM generate_series(1, 50) g");
            Path run =
                    runFile(
                            dir,
                            "listed",
                            "  queueName: dnsx.local-test.listed." + dir.getFileName());
            Path list = domains(dir, "listed.txt", "\uFEFFa.local.test", "b.local.test");

            LocalCommand.Result r =
                    LocalCommand.run(
                            dir,
                            RUN_TIMEOUT,
                            "run",
                            run.toString(),
                            "--domains-file",
                            list.toString(),
                            "--postgres-dsn",
                            db.dsnText(),
                            "--rabbitmq-url",
                            TestBroker.URL,
                            "--resolvers",
                            dns.spec());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out())
                    .contains("2 names, 2 new, 0 already in domains")
                    .contains("domains: 2 selected, 2 published, in ")
                    .contains("  extracted 2: ")
                    .contains("  failed 0");
            assertThat(db.queryLong("SELECT count(*) FROM dnsx_domain_outcomes")).isEqualTo(2);
        }
    }

    @Test
    void aMissingListOrABadResolverIsSaidBeforeAnythingStarts() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path run = runFile(dir, "early", "");
        Path data = dir.resolve("never-started");

        LocalCommand.Result noList =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        run.toString(),
                        "--domains-file",
                        dir.resolve("missing.txt").toString(),
                        "--data-dir",
                        data.toString());
        LocalCommand.Result badResolver =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        run.toString(),
                        "--resolvers",
                        "dns.example.com",
                        "--data-dir",
                        data.toString());

        assertThat(noList.exitCode()).as(noList.toString()).isEqualTo(2);
        assertThat(noList.err()).contains("missing.txt: no such file");
        assertThat(badResolver.exitCode()).as(badResolver.toString()).isEqualTo(2);
        assertThat(badResolver.err()).contains("must be an IP address, not a host name");
        assertThat(noList.out() + badResolver.out()).doesNotContain("database:");
        assertThat(Files.exists(data.resolve("postgres")))
                .as("no database was started for a run that could not start")
                .isFalse();
    }

    /**
     * {@code run FILE} on the test's own PostgreSQL and RabbitMQ, with these resolvers, its data
     * directory (logs) in {@code dir}.
     */
    private static LocalCommand.Result onGivenServices(
            Path dir, Path run, TestDatabase db, String resolvers) throws Exception {
        return LocalCommand.run(
                dir,
                RUN_TIMEOUT,
                "run",
                run.toString(),
                "--postgres-dsn",
                db.dsnText(),
                "--rabbitmq-url",
                TestBroker.URL,
                "--resolvers",
                resolvers,
                "--data-dir",
                dir.resolve("data").toString());
    }

    private static boolean queueExists(String queue) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBroker.URL);
        try (Connection c = f.newConnection("dnsx-test");
                Channel ch = c.createChannel()) {
            ch.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void exitCodesTellABrokenFileFromAnUnreachableDatabaseFromAWrongDatabase() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path broken = runFile(dir, "broken", "");
        Files.writeString(
                broken, Files.readString(broken).replace("concurrency: 50", "minWorkers: 20"));
        LocalCommand.Result invalid = LocalCommand.run(dir, RUN_TIMEOUT, "run", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err())
                .contains("DnsExtractionRun \"broken\" is invalid")
                .contains("spec.workers: minWorkers must not exceed maxWorkers");

        Path quick = runFile(dir, "quick", "");
        LocalCommand.Result unreachable =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        quick.toString(),
                        "--postgres-dsn",
                        "postgresql://nobody:secret-pw@127.0.0.1:1/none",
                        "--rabbitmq-url",
                        TestBroker.URL,
                        "--resolvers",
                        dns.spec());
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(3);
        assertThat(unreachable.err())
                .contains("PostgreSQL")
                .contains("nobody:***@127.0.0.1:1")
                .doesNotContain("secret-pw");
        assertThat(unreachable.out()).doesNotContain("secret-pw");

        try (TestDatabase empty = TestDatabase.create()) {
            LocalCommand.Result wrong =
                    LocalCommand.run(
                            dir,
                            RUN_TIMEOUT,
                            "run",
                            quick.toString(),
                            "--postgres-dsn",
                            empty.dsnText(),
                            "--rabbitmq-url",
                            TestBroker.URL,
                            "--resolvers",
                            dns.spec());
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(2);
            assertThat(wrong.err()).contains("has no domains table");

            LocalCommand.Result noBroker =
                    LocalCommand.run(
                            dir,
                            RUN_TIMEOUT,
                            "run",
                            quick.toString(),
                            "--rabbitmq-url",
                            "amqp://guest:secret-pw@127.0.0.1:1/",
                            "--resolvers",
                            dns.spec(),
                            "--data-dir",
                            dir.resolve("data").toString());
            assertThat(noBroker.exitCode()).as(noBroker.toString()).isEqualTo(4);
            assertThat(noBroker.err())
                    .contains("RabbitMQ at amqp://guest:***@127.0.0.1:1")
                    .doesNotContain("secret-pw");
        }

        Path deadline = runFile(dir, "deadline", "  activeDeadlineSeconds: 1");
        Files.writeString(
                deadline, Files.readString(deadline).replace("concurrency: 50", "concurrency: 1"));
        LocalCommand.Result late =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "run",
                        deadline.toString(),
                        "--domains-file",
                        domains(
                                        dir,
                                        "late.txt",
                                        "slow1.local.test",
                                        "slow2.local.test",
                                        "slow3.local.test",
                                        "slow4.local.test",
                                        "slow5.local.test",
                                        "slow6.local.test")
                                .toString(),
                        "--resolvers",
                        dns.spec(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "-o",
                        "yaml");
        assertThat(late.exitCode()).as(late.toString()).isEqualTo(1);
        assertThat(late.out())
                .as("-o yaml: the status alone on standard output")
                .startsWith("status:\n")
                .contains("phase: Failed")
                .contains("reason: DeadlineExceeded")
                .contains("the run did not finish within activeDeadlineSeconds")
                .doesNotContain("phase: Succeeded")
                .doesNotContain("domains: ");
        assertThat(
                        new com.fasterxml.jackson.databind.ObjectMapper(
                                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                                .readTree(late.out())
                                .at("/status/phase")
                                .asText())
                .isEqualTo("Failed");
        assertThat(late.err())
                .as("the person's lines go to standard error")
                .contains(
                        "Failed (DeadlineExceeded): the run did not finish within activeDeadlineSeconds")
                .contains("domains: ");

        LocalCommand.Result noData =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "query",
                        "a.local.test",
                        "--data-dir",
                        dir.resolve("never-used").toString());
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("no local database in");
    }

    @Test
    void refusedCredentialsAMissingDatabaseOrVirtualHostExitAtOnceAsConfigurationErrors()
            throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        Path run = runFile(dir, "refused", "");
        String role = "dnsx_pw_" + Long.toHexString(System.nanoTime());
        try (TestDatabase db = TestDatabase.create()) {
            new SchemaMigrator(db.database().dataSource()).migrate();
            db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-pw'");
            try {
                // over ::1, where the server asks for a password (127.0.0.1 trusts the tests)
                String wrongPassword =
                        "postgresql://"
                                + role
                                + ":secret-pw@[::1]:"
                                + db.dsn().port()
                                + "/postgres";
                String noDatabase = db.dsnText().replace(db.dsn().database(), "no_such_db");
                String wrongBrokerPassword = "amqp://guest:secret-pw@127.0.0.1:5672/%2F";
                String noVhost = "amqp://guest:guest@127.0.0.1:5672/no-such-vhost";
                String[][] cases = {
                    {
                        wrongPassword,
                        TestBroker.URL,
                        "refused the credentials of user '" + role + "'"
                    },
                    {noDatabase, TestBroker.URL, "has no database 'no_such_db'"},
                    {db.dsnText(), wrongBrokerPassword, "refused the credentials of user 'guest'"},
                    {db.dsnText(), noVhost, "refused virtual host 'no-such-vhost'"},
                };
                for (String[] c : cases) {
                    long start = System.nanoTime();
                    LocalCommand.Result r =
                            LocalCommand.run(
                                    dir,
                                    RUN_TIMEOUT,
                                    "run",
                                    run.toString(),
                                    "--postgres-dsn",
                                    c[0],
                                    "--rabbitmq-url",
                                    c[1],
                                    "--resolvers",
                                    dns.spec());

                    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
                    assertThat(r.err()).as(r.toString()).contains(c[2]).doesNotContain("secret-pw");
                    assertThat(r.out()).doesNotContain("secret-pw");
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .as("said at once, not after an outage's wait: " + r)
                            .isLessThan(Duration.ofSeconds(30));
                }
            } finally {
                db.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void validatePrintsTheRunWithTheDefaultsItWouldRunWith() throws Exception {
        Path dir = LocalCommand.ownedDirectory(tmp);
        LocalCommand.Result r =
                LocalCommand.run(
                        dir,
                        RUN_TIMEOUT,
                        "validate",
                        Path.of("..", "examples", "quickstart.yaml").toAbsolutePath().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("name: quickstart")
                .contains("concurrency: 200")
                .contains("messagesPerWorker: 100")
                .contains("outageToleranceSeconds: 300");
        assertThat(r.out().lines().filter(l -> l.startsWith("status")).collect(Collectors.toList()))
                .isEmpty();
    }
}
