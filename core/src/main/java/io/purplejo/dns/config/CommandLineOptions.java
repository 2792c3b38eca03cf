/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options a command accepts, each settable by {@code --name value}, {@code --name=value} or an
 * environment variable (the command line wins), with {@code --name}/{@code --no-name} for switches,
 * as the legacy click-based commands accepted. A blank value counts as not given. picocli reads the
 * syntax and renders the help ({@link PicocliModel}); each {@link Option} converts its own value.
 */
public final class CommandLineOptions {
    private final String command;
    private final Map<String, Option<?>> options = new LinkedHashMap<>();

    /** The heading each option is listed under in the help; none for the first, ungrouped ones. */
    private final Map<Option<?>, String> sections = new LinkedHashMap<>();

    /** One-letter forms, such as kubectl's {@code -o}: option name by letter. */
    private final Map<Character, String> shortForms = new LinkedHashMap<>();

    private String description = "";
    private String currentSection;
    private boolean argumentsAreFiles;

    public CommandLineOptions(String command) {
        this.command = command;
    }

    /** Adds these options, in the order the usage text and the docs list them. */
    public CommandLineOptions add(Option<?>... added) {
        for (Option<?> opt : added) {
            if (options.putIfAbsent(opt.name(), opt) != null) {
                throw new IllegalArgumentException(
                        "option --" + opt.name() + " is declared twice for " + command);
            }
            if (opt.formerName() != null && options.containsKey(opt.formerName())) {
                throw new IllegalArgumentException(
                        "--" + opt.formerName() + " is a former name and an option of " + command);
            }
            if (currentSection != null) {
                sections.put(opt, currentSection);
            }
        }
        return this;
    }

    /** Lists the options added from now on under this heading in the help ("DNS", "storage"). */
    public CommandLineOptions section(String heading) {
        this.currentSection = heading;
        return this;
    }

    /**
     * Lets {@code -LETTER VALUE} stand for {@code --NAME VALUE} of a declared option, for the
     * one-letter forms people type from other tools ({@code -o yaml}).
     */
    public CommandLineOptions shortForm(char letter, Option<?> opt) {
        checkDeclared(opt);
        if (shortForms.putIfAbsent(letter, opt.name()) != null || letter == 'h') {
            throw new IllegalArgumentException("-" + letter + " is taken for " + command);
        }
        return this;
    }

    /** The command as its usage names it: "dns-worker.jar resolve". */
    String command() {
        return command;
    }

    /** The program the command belongs to: {@code dns-worker.jar} of "dns-worker.jar resolve". */
    String program() {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    /** The declared options, in order. */
    public List<Option<?>> options() {
        return List.copyOf(options.values());
    }

    /** The heading the option is listed under, or null. */
    String sectionOf(Option<?> opt) {
        return sections.get(opt);
    }

    /** The option's one-letter form, or null. */
    Character shortFormOf(Option<?> opt) {
        for (Map.Entry<Character, String> e : shortForms.entrySet()) {
            if (e.getValue().equals(opt.name())) {
                return e.getKey();
            }
        }
        return null;
    }

    String description() {
        return description;
    }

    /** Says that the command's arguments are files, which shell completion then offers. */
    public CommandLineOptions argumentsAreFiles() {
        this.argumentsAreFiles = true;
        return this;
    }

    boolean takesFiles() {
        return argumentsAreFiles;
    }

    /** The model picocli reads this command with, for help, parsing and shell completion. */
    CommandSpec picocliSpec() {
        return PicocliModel.of(this);
    }

    /**
     * Reads the arguments and then the environment, and converts every value. Throws {@link
     * InvalidConfigurationException} for an unknown option, a missing value or a value the option
     * does not accept; arguments that are not options are returned as positionals.
     */
    public ParsedOptions parse(List<String> args, Map<String, String> env) {
        CommandSpec spec = picocliSpec();
        ParseResult result;
        try {
            result = new CommandLine(spec).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new InvalidConfigurationException(message(e), e);
        }
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        for (Option<?> opt : options.values()) {
            String text = given(result, opt.name());
            if (isBlank(text) && opt.formerName() != null) {
                text = given(result, opt.formerName());
            }
            if (isBlank(text) && opt.envVar() != null) {
                text = env.get(opt.envVar());
            }
            if (isBlank(text) && opt.formerEnvVar() != null) {
                text = env.get(opt.formerEnvVar());
            }
            if (isBlank(text)) {
                text = opt.defaultText();
            }
            if (!isBlank(text)) {
                values.put(opt, opt.convert(text.strip()));
            }
        }
        List<String> positionals =
                result.hasMatchedPositional(0)
                        ? result.matchedPositional(0).stringValues()
                        : List.of();
        return new ParsedOptions(
                this,
                values,
                positionals,
                result.isUsageHelpRequested(),
                result.isVersionHelpRequested());
    }

    /** The option's value as given on the command line, as text, or null. */
    private static String given(ParseResult result, String name) {
        OptionSpec matched = result.matchedOption("--" + name);
        if (matched == null) {
            return null;
        }
        Object value = matched.getValue();
        return value == null ? null : value.toString();
    }

    /** What was wrong with the command line, said as the rest of the project says it. */
    private String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String arg = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            List<String> suggestions = unmatched.getSuggestions();
            return "unknown option "
                    + arg
                    + " for "
                    + command
                    + (suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)")
                    + " (--help lists the options)";
        }
        if (e instanceof CommandLine.MissingParameterException missing
                && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec opt) {
            return "option " + opt.longestName() + " needs a value";
        }
        if (e.getCause() instanceof InvalidConfigurationException invalid) {
            return invalid.getMessage();
        }
        return e.getMessage();
    }

    void checkDeclared(Option<?> opt) {
        if (options.get(opt.name()) != opt) {
            throw new IllegalArgumentException(opt + " is not declared for " + command);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Text the usage shows after its first line: the command's arguments and subcommands. The
     * options, {@code --help}, {@code --version} and the exit codes follow.
     */
    public CommandLineOptions describe(String text) {
        this.description = text.endsWith("\n") ? text : text + "\n";
        return this;
    }

    /**
     * The usage text: what the command takes, every option with its environment variable and
     * default, by section, and the exit codes; within 80 columns.
     */
    public String usage() {
        return PicocliModel.usage(picocliSpec());
    }

    /** The options as a Markdown table, for {@code docs/options.md}. */
    public String markdownTable() {
        StringBuilder sb =
                new StringBuilder(
                        "| Option | Environment | Default | Accepts | What it does |\n"
                                + "|---|---|---|---|---|\n");
        for (Option<?> opt : options.values()) {
            Character letter = shortFormOf(opt);
            sb.append(letter == null ? "| `--" : "| `-" + letter + "`, `--")
                    .append(opt.name())
                    .append(opt.isSwitch() ? "` / `--no-" + opt.name() : "")
                    .append('`')
                    .append(
                            opt.formerName() == null
                                    ? ""
                                    : " (formerly `--" + opt.formerName() + "`)")
                    .append(" | ")
                    .append(opt.envVar() == null ? "" : "`" + opt.envVar() + "`")
                    .append(
                            opt.formerEnvVar() == null
                                    ? ""
                                    : " (formerly `" + opt.formerEnvVar() + "`)")
                    .append(" | ")
                    .append(opt.shownDefault() == null ? "" : "`" + opt.shownDefault() + "`")
                    .append(" | ")
                    .append(opt.accepts())
                    .append(" | ")
                    .append(opt.help().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
