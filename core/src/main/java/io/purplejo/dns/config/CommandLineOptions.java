/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a command accepts, each settable by {@code --name value}, {@code --name=value} or an
 * environment variable (the command line wins), with {@code --name}/{@code --no-name} for switches,
 * as the legacy click-based commands accepted. A blank value counts as not given.
 */
public final class CommandLineOptions {
    private final String command;
    private final Map<String, Option<?>> options = new LinkedHashMap<>();

    /** One-letter forms, such as kubectl's {@code -o}: option name by letter. */
    private final Map<Character, String> shortForms = new LinkedHashMap<>();

    private String description = "";

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
        }
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

    /** The program the command belongs to: {@code dns-worker.jar} of "dns-worker.jar resolve". */
    String program() {
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }

    /** The declared options, in order. */
    public List<Option<?>> options() {
        return List.copyOf(options.values());
    }

    /**
     * Reads the arguments and then the environment, and converts every value. Throws {@link
     * InvalidConfigurationException} for an unknown option, a missing value or a value the option
     * does not accept; arguments that are not options are returned as positionals.
     */
    public ParsedOptions parse(List<String> args, Map<String, String> env) {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.length() == 2
                    && arg.charAt(0) == '-'
                    && shortForms.containsKey(arg.charAt(1))) {
                List<String> spelled = new ArrayList<>(args);
                spelled.set(i, "--" + shortForms.get(arg.charAt(1)));
                i = readOption(spelled, i, given);
            } else if (!arg.startsWith("--")) {
                positionals.add(arg);
            } else {
                i = readOption(args, i, given);
            }
        }
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        for (Option<?> opt : options.values()) {
            String text = given.get(opt.name());
            if (isBlank(text) && opt.envVar() != null) {
                text = env.get(opt.envVar());
            }
            if (isBlank(text)) {
                text = opt.defaultText();
            }
            if (!isBlank(text)) {
                values.put(opt, opt.convert(text.strip()));
            }
        }
        return new ParsedOptions(this, values, positionals, help, version);
    }

    /** Reads the option at {@code args[i]}; returns the index of the last argument it used. */
    private int readOption(List<String> args, int i, Map<String, String> given) {
        String body = args.get(i).substring(2);
        String inline = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
            inline = body.substring(eq + 1);
            body = body.substring(0, eq);
        }
        Option<?> opt = options.get(body);
        if (opt == null && body.startsWith("no-") && inline == null) {
            Option<?> negated = options.get(body.substring(3));
            if (negated != null && negated.isSwitch()) {
                given.put(negated.name(), "false");
                return i;
            }
        }
        if (opt == null) {
            throw new InvalidConfigurationException(
                    "unknown option --" + body + " for " + command + " (--help lists the options)");
        }
        if (opt.isSwitch()) {
            given.put(opt.name(), inline == null ? "true" : inline);
            return i;
        }
        if (inline != null) {
            given.put(opt.name(), inline);
            return i;
        }
        if (i + 1 >= args.size()) {
            throw new InvalidConfigurationException("option --" + opt.name() + " needs a value");
        }
        given.put(opt.name(), args.get(i + 1));
        return i + 1;
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
     * default, and the exit codes.
     */
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: ").append(command).append(" [options]\n");
        for (String line : description.split("\n")) {
            if (!line.isEmpty()) {
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                sb.append(wrapped(line.strip(), indent));
            }
        }
        if (!options.isEmpty()) {
            sb.append("options:\n");
        }
        for (Option<?> opt : options.values()) {
            String left =
                    shortFormOf(opt)
                            + (opt.isSwitch()
                                    ? "--" + opt.name() + " / --no-" + opt.name()
                                    : "--" + opt.name() + " " + valueName(opt));
            StringBuilder help = new StringBuilder(opt.help());
            if (opt.envVar() != null) {
                help.append(" [env ").append(opt.envVar()).append(']');
            }
            if (opt.accepts().contains(" to ")) {
                help.append(" (").append(opt.accepts()).append(')');
            }
            if (opt.shownDefault() != null) {
                help.append(" (default ").append(opt.shownDefault()).append(')');
            }
            entry(sb, left, help.toString());
        }
        entry(sb, "-h, --help", "this text");
        entry(sb, "--version", "the version of the build");
        sb.append(wrapped(ExitCodes.describe().strip(), ""));
        return sb.toString();
    }

    /** What a value is: the choices of a choice, else VALUE. */
    private static String valueName(Option<?> opt) {
        if (opt.accepts().contains(" \\| ")) {
            return opt.accepts().replace(" \\| ", "|");
        }
        return opt.accepts().contains("list") ? "LIST" : "VALUE";
    }

    /** Column of the help texts: what fits beside an option, else on the lines below it. */
    private static final int HELP_COLUMN = 30;

    /** The usage is read in an 80-column terminal: no line reaches the last column. */
    private static final int USAGE_WIDTH = 79;

    private static void entry(StringBuilder sb, String left, String help) {
        String indent = " ".repeat(HELP_COLUMN);
        String head = "  " + left;
        if (head.length() < HELP_COLUMN - 1) {
            String text = wrapped(help, indent);
            sb.append(head).append(text.substring(head.length()));
        } else {
            sb.append(head).append('\n').append(wrapped(help, indent));
        }
    }

    /** The text in lines of at most {@link #USAGE_WIDTH} columns, each starting with indent. */
    private static String wrapped(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length()
                    && line.length() + 1 + word.length() > USAGE_WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /** The options as a Markdown table, for {@code docs/options.md}. */
    public String markdownTable() {
        StringBuilder sb =
                new StringBuilder(
                        "| Option | Environment | Default | Accepts | What it does |\n"
                                + "|---|---|---|---|---|\n");
        for (Option<?> opt : options.values()) {
            String letter = shortFormOf(opt);
            sb.append(letter.isEmpty() ? "| `--" : "| `" + letter.replace(", ", "`, `--"))
                    .append(opt.name())
                    .append(opt.isSwitch() ? "` / `--no-" + opt.name() : "")
                    .append("` | ")
                    .append(opt.envVar() == null ? "" : "`" + opt.envVar() + "`")
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

    /** "-o, " for an option with a one-letter form, else "". */
    private String shortFormOf(Option<?> opt) {
        for (Map.Entry<Character, String> e : shortForms.entrySet()) {
            if (e.getValue().equals(opt.name())) {
                return "-" + e.getKey() + ", ";
            }
        }
        return "";
    }
}
