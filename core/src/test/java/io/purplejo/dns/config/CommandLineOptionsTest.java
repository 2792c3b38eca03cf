/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineOptionsTest {
    /** How progress is shown, for the choice option. */
    enum Shade {
        LIGHT,
        VERY_DARK
    }

    private static final Option<String> QUEUE =
            Option.text("queue-name", "QUEUE_NAME", "dns_records", "queue");
    private static final Option<Integer> CONCURRENCY =
            Option.integer("concurrency", "CONCURRENCY", 500, 1, 1000, "lookups in flight");
    private static final Option<String> DSN = Option.secret("postgres-dsn", "POSTGRES_DSN", "db");
    private static final Option<Boolean> PURGE =
            Option.flag("purge-queue", "PURGE_QUEUE", true, "purge first");
    private static final Option<Double> TIMEOUT =
            Option.decimal("dns-timeout", "DNS_TIMEOUT", 1.0, 0.05, 60, "seconds");
    private static final Option<Long> LIMIT =
            Option.wholeNumber("limit", "LIMIT", null, 1, Long.MAX_VALUE, "at most");
    private static final Option<List<String>> SUFFIXES =
            Option.list("suffixes", "SUFFIXES", null, "suffixes");
    private static final Option<Shade> SHADE =
            Option.choice("shade", "SHADE", Shade.LIGHT, Shade.class, "shade");

    private final CommandLineOptions declared =
            new CommandLineOptions("worker")
                    .add(QUEUE, CONCURRENCY, DSN, PURGE, TIMEOUT, LIMIT, SUFFIXES, SHADE);

    private ParsedOptions parse(String... args) {
        return declared.parse(List.of(args), Map.of());
    }

    @Test
    void takesDefaultsThenEnvironmentThenCommandLine() {
        ParsedOptions defaults = parse();
        ParsedOptions fromEnv =
                declared.parse(List.of(), Map.of("QUEUE_NAME", "q-env", "CONCURRENCY", "7"));
        ParsedOptions fromArgs =
                declared.parse(
                        List.of("--queue-name", "q-arg", "--concurrency=9"),
                        Map.of("QUEUE_NAME", "q-env"));

        assertThat(defaults.get(QUEUE)).isEqualTo("dns_records");
        assertThat(defaults.get(CONCURRENCY)).isEqualTo(500);
        assertThat(fromEnv.get(QUEUE)).isEqualTo("q-env");
        assertThat(fromEnv.get(CONCURRENCY)).isEqualTo(7);
        assertThat(fromArgs.get(QUEUE)).isEqualTo("q-arg");
        assertThat(fromArgs.get(CONCURRENCY)).isEqualTo(9);
    }

    @Test
    void aBlankValueCountsAsNotGiven() {
        ParsedOptions blank =
                declared.parse(List.of("--queue-name", " ", "--limit="), Map.of("CONCURRENCY", ""));

        assertThat(blank.get(QUEUE)).isEqualTo("dns_records");
        assertThat(blank.get(CONCURRENCY)).isEqualTo(500);
        assertThat(blank.get(LIMIT)).isNull();
    }

    @Test
    void readsSwitchesInTheLegacyClickForms() {
        assertThat(parse().get(PURGE)).isTrue();
        assertThat(parse("--no-purge-queue").get(PURGE)).isFalse();
        assertThat(parse("--purge-queue=off").get(PURGE)).isFalse();
        assertThat(declared.parse(List.of(), Map.of("PURGE_QUEUE", "false")).get(PURGE)).isFalse();
        assertThat(declared.parse(List.of("--purge-queue"), Map.of("PURGE_QUEUE", "0")).get(PURGE))
                .isTrue();
    }

    @Test
    void convertsEachKindOfValue() {
        ParsedOptions o =
                parse(
                        "--dns-timeout",
                        "0.25",
                        "--limit",
                        "5000000000",
                        "--suffixes",
                        " .com, ,.net ",
                        "--shade",
                        "very-dark");

        assertThat(o.get(TIMEOUT)).isEqualTo(0.25);
        assertThat(o.get(LIMIT)).isEqualTo(5_000_000_000L);
        assertThat(o.get(SUFFIXES)).containsExactly(".com", ".net");
        assertThat(o.get(SHADE)).isEqualTo(Shade.VERY_DARK);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--queue                 | unknown option --queue for worker",
                "--queue-name            | option --queue-name needs a value",
                "--concurrency=0         | option --concurrency must be between 1 and 1000, not 0",
                "--concurrency=1001      | option --concurrency must be between 1 and 1000, not 1001",
                "--concurrency=many      | option --concurrency takes a whole number, not 'many'",
                "--dns-timeout=0.01      | option --dns-timeout must be between 0.05 and 60.0",
                "--dns-timeout=soon      | option --dns-timeout takes a number, not 'soon'",
                "--limit=0               | option --limit must be between 1 and",
                "--purge-queue=maybe     | option --purge-queue takes true or false, not 'maybe'",
                "--shade=dark            | option --shade takes light, very-dark, not 'dark'",
            })
    void rejectsWhatAnOptionDoesNotAcceptNamingIt(String arg, String message) {
        assertThatThrownBy(() -> parse(arg))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aBadValueFromTheEnvironmentFailsAtParseEvenIfNeverRead() {
        assertThatThrownBy(() -> declared.parse(List.of(), Map.of("CONCURRENCY", "-3")))
                .hasMessageContaining("--concurrency must be between 1 and 1000");
    }

    @Test
    void aMissingRequiredValueNamesTheOptionAndItsVariable() {
        assertThatThrownBy(() -> parse().required(DSN))
                .hasMessageContaining("--postgres-dsn is required (or set POSTGRES_DSN)");
    }

    @Test
    void readingAnOptionOfAnotherCommandIsAProgrammingError() {
        Option<String> other = Option.text("other", null, null, "not declared here");

        assertThatThrownBy(() -> parse().get(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--other is not declared for worker");
    }

    @Test
    void usageAndTableNameVariablesAndDefaultsButNoSecretValue() {
        CommandLineOptions withSecretDefault =
                new CommandLineOptions("x").add(DSN.withDefault("postgresql://u:hunter2@h/db"));

        assertThat(declared.usage())
                .contains("[env POSTGRES_DSN]")
                .contains("(default dns_records)");
        assertThat(declared.markdownTable())
                .contains(
                        "| `--concurrency` | `CONCURRENCY` | `500` | 1 to 1000 | lookups in flight |")
                .contains("| `--purge-queue` / `--no-purge-queue` | `PURGE_QUEUE` | `true` |");
        assertThat(withSecretDefault.usage()).doesNotContain("hunter2");
        assertThat(withSecretDefault.markdownTable()).doesNotContain("hunter2");
    }

    @Test
    void aOneLetterFormStandsForItsOptionAndShowsInTheUsageAndTheDocs() {
        CommandLineOptions withLetter =
                new CommandLineOptions("run").add(SHADE, QUEUE).shortForm('s', SHADE);

        ParsedOptions parsed = withLetter.parse(List.of("-s", "very-dark"), Map.of());

        assertThat(parsed.get(SHADE)).isEqualTo(Shade.VERY_DARK);
        assertThat(withLetter.usage()).contains("-s, --shade=light|very-dark");
        assertThat(withLetter.markdownTable()).contains("| `-s`, `--shade` |");
        assertThat(withLetter.parse(List.of("-s", "light", "-"), Map.of()).positionals())
                .as("a lone dash, standard input to many commands, is an argument")
                .containsExactly("-");
        assertThatThrownBy(() -> withLetter.parse(List.of("-q"), Map.of()))
                .as("an undeclared letter is an unknown option, not a name")
                .hasMessageContaining("unknown option -q for run");
        assertThatThrownBy(() -> withLetter.shortForm('s', QUEUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withLetter.shortForm('h', QUEUE))
                .as("-h is help")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionPrintsTheBuildsVersionAndHelpWins() {
        CommandLineOptions worker = new CommandLineOptions("dns-worker.jar resolve").add(QUEUE);

        String version = worker.parse(List.of("--version"), Map.of()).requestedText();

        assertThat(version).isEqualTo("dns-worker.jar " + BuildVersion.version() + "\n");
        assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(worker.parse(List.of("--version", "--help"), Map.of()).requestedText())
                .startsWith("usage: dns-worker.jar resolve [options]");
        assertThat(worker.parse(List.of(), Map.of()).requestedText()).isNull();
    }

    @Test
    void theUsageWrapsWithinEightyColumnsAndListsRangesChoicesAndExitCodes() {
        String usage =
                declared.describe(
                                "what the worker does, said at some length so that the"
                                        + " sentence needs more than one line of an eighty-column terminal")
                        .usage();

        assertThat(usage.split("\n")).allSatisfy(l -> assertThat(l.length()).isLessThan(80));
        assertThat(usage)
                .containsPattern(
                        "\n +--concurrency=VALUE +lookups in flight \\[env CONCURRENCY\\] \\(1 to"
                                + " 1000\\)\n {20,}\\(default 500\\)\n")
                .contains("--[no-]purge-queue ")
                .contains("--shade=light|very-dark")
                .contains("--suffixes=LIST")
                .contains("exit codes:\n  0     done\n")
                .contains("  130   interrupted")
                .contains("  --version ");
    }

    @Test
    void sectionsGroupTheHelpWithoutChangingWhatIsAccepted() {
        CommandLineOptions sectioned =
                new CommandLineOptions("worker")
                        .add(QUEUE)
                        .section("DNS")
                        .add(TIMEOUT, CONCURRENCY)
                        .section("storage")
                        .add(LIMIT);

        String usage = sectioned.usage();
        ParsedOptions parsed =
                sectioned.parse(
                        List.of("--dns-timeout=2", "--limit", "9", "--queue-name=q"), Map.of());

        assertThat(usage)
                .containsSubsequence(
                        "options:\n",
                        "--queue-name",
                        "\nDNS:\n",
                        "--dns-timeout",
                        "--concurrency",
                        "\nstorage:\n",
                        "--limit");
        assertThat(parsed.get(TIMEOUT)).isEqualTo(2.0);
        assertThat(parsed.get(LIMIT)).isEqualTo(9L);
        assertThat(parsed.get(QUEUE)).isEqualTo("q");
    }

    @Test
    void aFormerNameAndVariableStillWorkAndTheNewOnesWin() {
        Option<Integer> writeBatch =
                Option.integer(
                                "write-batch-size",
                                "WRITE_BATCH_SIZE",
                                1000,
                                1,
                                100_000,
                                "per transaction")
                        .formerly("batch-size", "BATCH_SIZE");
        CommandLineOptions worker = new CommandLineOptions("worker").add(writeBatch);

        assertThat(worker.parse(List.of(), Map.of()).get(writeBatch)).isEqualTo(1000);
        assertThat(worker.parse(List.of("--batch-size", "5"), Map.of()).get(writeBatch))
                .isEqualTo(5);
        assertThat(worker.parse(List.of(), Map.of("BATCH_SIZE", "6")).get(writeBatch)).isEqualTo(6);
        assertThat(
                        worker.parse(
                                        List.of("--batch-size=5", "--write-batch-size=7"),
                                        Map.of("BATCH_SIZE", "6"))
                                .get(writeBatch))
                .isEqualTo(7);
        assertThat(
                        worker.parse(List.of(), Map.of("BATCH_SIZE", "6", "WRITE_BATCH_SIZE", "8"))
                                .get(writeBatch))
                .as("the new variable wins over the former one")
                .isEqualTo(8);
        assertThat(
                        worker.parse(List.of("--batch-size=5"), Map.of("WRITE_BATCH_SIZE", "8"))
                                .get(writeBatch))
                .as("the command line, under either name, wins over the environment")
                .isEqualTo(5);
        assertThatThrownBy(() -> worker.parse(List.of("--batch-size=0"), Map.of()))
                .as("the former name converts and checks as the new one does")
                .hasMessageContaining("--write-batch-size must be between 1 and 100000");
        assertThat(worker.usage().replaceAll("\\s+", " "))
                .contains("(formerly --batch-size, BATCH_SIZE, still accepted)")
                .doesNotContain("  --batch-size");
        assertThat(worker.markdownTable())
                .contains(
                        "| `--write-batch-size` (formerly `--batch-size`) | `WRITE_BATCH_SIZE` (formerly `BATCH_SIZE`) |");
    }

    @Test
    void theHelpWrapsBetweenWordsNeverInsideADsnOrAnAddress() {
        Option<String> dsn =
                Option.secret(
                        "postgres-dsn",
                        "POSTGRES_DSN",
                        "the database, said at some length first: `postgresql://user:pass@host:5432/db`");
        Option<List<String>> resolvers =
                Option.list(
                        "resolvers",
                        "DNS_RESOLVERS",
                        null,
                        "resolvers, addresses only, said at length: `10.0.0.2,10.0.0.3:5353`");

        String usage = new CommandLineOptions("x").add(dsn, resolvers).usage();

        assertThat(usage)
                .contains("`postgresql://user:pass@host:5432/db`")
                .contains("`10.0.0.2,10.0.0.3:5353`");
    }

    @Test
    void aMistypedOptionIsAnsweredWithTheNearestOne() {
        assertThatThrownBy(() -> parse("--concurency=4"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("unknown option --concurency=4 for worker")
                .hasMessageContaining("did you mean --concurrency?");
    }

    @Test
    void anArgumentStartingWithAtIsANameNotAFileOfArguments() {
        assertThat(parse("@names.txt").positionals()).containsExactly("@names.txt");
    }

    @Test
    void anOptionsHelpWithAPercentSignIsPrintedAsWritten() {
        Option<Double> share =
                Option.decimal("share", null, 0.5, 0, 1, "share of 100% of the names");

        assertThat(new CommandLineOptions("x").add(share).usage())
                .contains("share of 100% of the names");
    }
}
