/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options a command accepts, each settable by {@code --name value}, {@code --name=value} or an
 * environment variable (the command line wins), with {@code --name}/{@code --no-name} for switches,
 * as the legacy click-based commands accepted.
 */
public final class CommandLineOptions {
    /** One declared option. */
    public record Option(
            String name,
            String envVar,
            String defaultValue,
            boolean isSwitch,
            boolean secret,
            String help) {}

    private final String command;
    private final Map<String, Option> options = new LinkedHashMap<>();

    public CommandLineOptions(String command) {
        this.command = command;
    }

    /** Declares an option that takes a value. */
    public CommandLineOptions value(String name, String envVar, String defaultValue, String help) {
        options.put(name, new Option(name, envVar, defaultValue, false, false, help));
        return this;
    }

    /** Declares an option whose value is a secret: it is never printed, not even in usage. */
    public CommandLineOptions secret(String name, String envVar, String help) {
        options.put(name, new Option(name, envVar, null, false, true, help));
        return this;
    }

    /** Declares an on/off switch. */
    public CommandLineOptions flag(String name, String envVar, boolean defaultValue, String help) {
        options.put(
                name, new Option(name, envVar, Boolean.toString(defaultValue), true, false, help));
        return this;
    }

    /**
     * Reads the arguments and then the environment. Throws {@link InvalidConfigurationException}
     * for an unknown option or a missing value; arguments that are not options are returned as
     * positionals.
     */
    public ParsedOptions parse(List<String> args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String body = arg.substring(2);
            String inline = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                inline = body.substring(eq + 1);
                body = body.substring(0, eq);
            }
            Option opt = options.get(body);
            if (opt == null && body.startsWith("no-")) {
                Option negated = options.get(body.substring(3));
                if (negated != null && negated.isSwitch() && inline == null) {
                    values.put(negated.name(), "false");
                    continue;
                }
            }
            if (opt == null) {
                throw new InvalidConfigurationException(
                        "unknown option --"
                                + body
                                + " for "
                                + command
                                + " (--help lists the options)");
            }
            if (opt.isSwitch()) {
                values.put(
                        opt.name(),
                        inline == null ? "true" : Boolean.toString(parseBoolean(opt, inline)));
            } else if (inline != null) {
                values.put(opt.name(), inline);
            } else {
                if (i + 1 >= args.size()) {
                    throw new InvalidConfigurationException(
                            "option --" + opt.name() + " needs a value");
                }
                values.put(opt.name(), args.get(++i));
            }
        }
        for (Option opt : options.values()) {
            if (!values.containsKey(opt.name()) && opt.envVar() != null) {
                String fromEnv = env.get(opt.envVar());
                if (fromEnv != null && !fromEnv.isEmpty()) {
                    values.put(opt.name(), fromEnv);
                }
            }
            if (!values.containsKey(opt.name()) && opt.defaultValue() != null) {
                values.put(opt.name(), opt.defaultValue());
            }
        }
        return new ParsedOptions(this, values, positionals, help);
    }

    Option option(String name) {
        Option opt = options.get(name);
        if (opt == null) {
            throw new IllegalArgumentException(
                    "option --" + name + " is not declared for " + command);
        }
        return opt;
    }

    static boolean parseBoolean(Option opt, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default ->
                    throw new InvalidConfigurationException(
                            "option --" + opt.name() + " takes true or false, not '" + text + "'");
        };
    }

    /** A usage text listing every option with its environment variable and default. */
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: ").append(command).append(" [options]\n");
        for (Option opt : options.values()) {
            String left =
                    opt.isSwitch()
                            ? "--" + opt.name() + " / --no-" + opt.name()
                            : "--" + opt.name() + " VALUE";
            sb.append(String.format("  %-36s %s", left, opt.help()));
            if (opt.envVar() != null) {
                sb.append(" [env ").append(opt.envVar()).append(']');
            }
            if (opt.defaultValue() != null && !opt.secret()) {
                sb.append(" (default ").append(opt.defaultValue()).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
