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
 * The description and option list of a command's help, by section, wrapped at spaces only so that a
 * DSN, an address or an option name is never cut in two (picocli's own wrapping breaks after {@code
 * :} and {@code .}); picocli places them among the help's other sections.
 */
final class HelpText {
    /** The help is read in an 80-column terminal: no line reaches the last column. */
    static final int WIDTH = 79;

    /** Where help texts start at most; a longer option name puts its text on the next line. */
    private static final int MAX_HELP_COLUMN = 34;

    private HelpText() {}

    /** The description, each of its lines wrapped, keeping the line's own indentation. */
    static String description(String description) {
        StringBuilder sb = new StringBuilder();
        for (String line : description.split("\n")) {
            if (!line.isBlank()) {
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                sb.append(wrapped(line.strip(), indent, indent));
            }
        }
        return sb.toString();
    }

    /**
     * Every option, the ungrouped ones first (with help and version), then each section under its
     * heading.
     */
    static String optionList(CommandLineOptions declared) {
        Map<String, List<String[]>> bySection = new LinkedHashMap<>();
        bySection.put("", new ArrayList<>());
        for (Option<?> opt : declared.options()) {
            String section = declared.sectionOf(opt);
            bySection
                    .computeIfAbsent(section == null ? "" : section, s -> new ArrayList<>())
                    .add(new String[] {left(opt, declared.shortFormOf(opt)), help(opt)});
        }
        bySection.get("").add(new String[] {"-h, --help", "this text"});
        bySection.get("").add(new String[] {"    --version", "the version of the build"});
        int longest =
                bySection.values().stream()
                        .flatMap(List::stream)
                        .mapToInt(e -> e[0].length())
                        .max()
                        .orElse(0);
        int column = Math.min(MAX_HELP_COLUMN, 2 + longest + 3);
        StringBuilder sb = new StringBuilder();
        bySection.forEach(
                (section, entries) -> {
                    if (!section.isEmpty()) {
                        sb.append('\n').append(section).append(":\n");
                    }
                    entries.forEach(e -> entry(sb, e[0], e[1], column));
                });
        return sb.toString();
    }

    /** What the option looks like typed: {@code -o, --output=summary|yaml|json}. */
    private static String left(Option<?> opt, Character letter) {
        String names =
                (letter == null ? "    " : "-" + letter + ", ")
                        + (opt.isSwitch() ? "--[no-]" + opt.name() : "--" + opt.name());
        return opt.isSwitch() ? names : names + "=" + valueName(opt);
    }

    /** The help of an option: what it does, its variable, range, default and former name. */
    static String help(Option<?> opt) {
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
        if (opt.formerName() != null) {
            help.append(" (formerly --").append(opt.formerName());
            if (opt.formerEnvVar() != null) {
                help.append(", ").append(opt.formerEnvVar());
            }
            help.append(", still accepted)");
        }
        return help.toString();
    }

    /** What a value is: the choices of a choice, else VALUE or LIST. */
    static String valueName(Option<?> opt) {
        if (!opt.choices().isEmpty()) {
            return String.join("|", opt.choices());
        }
        return opt.accepts().contains("list") ? "LIST" : "VALUE";
    }

    private static void entry(StringBuilder sb, String left, String help, int column) {
        String head = "  " + left;
        String indent = " ".repeat(column);
        if (head.length() <= column - 2) {
            String text = wrapped(help, indent, indent);
            sb.append(head).append(text.substring(head.length()));
        } else {
            sb.append(head).append('\n').append(wrapped(help, indent, indent));
        }
    }

    /** The text in lines of at most {@link #WIDTH} columns; words are never cut. */
    private static String wrapped(String text, String firstIndent, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(firstIndent);
        int start = firstIndent.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
                start = indent.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
