/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.List;
import java.util.Map;

/** The values of a command's options after the command line and the environment were read. */
public final class ParsedOptions {
    private final CommandLineOptions declared;
    private final Map<String, String> values;
    private final List<String> positionals;
    private final boolean helpRequested;

    ParsedOptions(
            CommandLineOptions declared,
            Map<String, String> values,
            List<String> positionals,
            boolean helpRequested) {
        this.declared = declared;
        this.values = values;
        this.positionals = List.copyOf(positionals);
        this.helpRequested = helpRequested;
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The value, or null when neither set nor defaulted. */
    public String string(String name) {
        declared.option(name);
        return values.get(name);
    }

    /** The value; throws naming the option and its environment variable when it is missing. */
    public String required(String name) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            CommandLineOptions.Option opt = declared.option(name);
            throw new InvalidConfigurationException(
                    "option --"
                            + name
                            + " is required"
                            + (opt.envVar() != null ? " (or set " + opt.envVar() + ")" : ""));
        }
        return v;
    }

    public boolean flag(String name) {
        CommandLineOptions.Option opt = declared.option(name);
        String v = values.get(name);
        return v != null && CommandLineOptions.parseBoolean(opt, v);
    }

    public int integer(String name, int min, int max) {
        String v = required(name);
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new InvalidConfigurationException(
                        "option --"
                                + name
                                + " must be between "
                                + min
                                + " and "
                                + max
                                + ", not "
                                + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    "option --" + name + " takes a whole number, not '" + v + "'");
        }
    }

    public double decimal(String name, double min, double max) {
        String v = required(name);
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw new InvalidConfigurationException(
                        "option --"
                                + name
                                + " must be between "
                                + min
                                + " and "
                                + max
                                + ", not "
                                + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    "option --" + name + " takes a number, not '" + v + "'");
        }
    }
}
