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
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
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
        return new ParsedOptions(this, values, positionals, help);
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

    /** A usage text listing every option with its environment variable and default. */
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: ").append(command).append(" [options]\n");
        for (Option<?> opt : options.values()) {
            String left =
                    shortFormOf(opt)
                            + (opt.isSwitch()
                                    ? "--" + opt.name() + " / --no-" + opt.name()
                                    : "--" + opt.name() + " VALUE");
            sb.append(String.format("  %-36s %s", left, opt.help()));
            if (opt.envVar() != null) {
                sb.append(" [env ").append(opt.envVar()).append(']');
            }
            if (opt.shownDefault() != null) {
                sb.append(" (default ").append(opt.shownDefault()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
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
