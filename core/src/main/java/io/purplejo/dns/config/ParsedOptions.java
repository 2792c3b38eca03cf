/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.List;
import java.util.Map;

/** The converted values of one command line: given, from the environment, or defaulted. */
public final class ParsedOptions {
    private final CommandLineOptions declared;
    private final Map<Option<?>, Object> values;
    private final List<String> positionals;
    private final boolean helpRequested;
    private final boolean versionRequested;

    ParsedOptions(
            CommandLineOptions declared,
            Map<Option<?>, Object> values,
            List<String> positionals,
            boolean helpRequested,
            boolean versionRequested) {
        this.declared = declared;
        this.values = values;
        this.positionals = List.copyOf(positionals);
        this.helpRequested = helpRequested;
        this.versionRequested = versionRequested;
    }

    /**
     * What {@code --help} or {@code --version} asks the command to print instead of running (help
     * wins), or null when neither was given.
     */
    public String requestedText() {
        if (helpRequested) {
            return declared.usage();
        }
        if (versionRequested) {
            return BuildVersion.line(declared.program()) + "\n";
        }
        return null;
    }

    /** Whether the command declares this option (commands share some options, not all). */
    public boolean declares(Option<?> option) {
        return declared.options().contains(option);
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The value, or null when neither given nor defaulted. */
    public <T> T get(Option<T> option) {
        declared.checkDeclared(option);
        @SuppressWarnings("unchecked") // put by parse() from this option's own converter
        T value = (T) values.get(option);
        return value;
    }

    /** The value; throws naming the option and its environment variable when it is missing. */
    public <T> T required(Option<T> option) {
        T value = get(option);
        if (value == null) {
            throw new InvalidConfigurationException(
                    "option --"
                            + option.name()
                            + " is required"
                            + (option.envVar() != null ? " (or set " + option.envVar() + ")" : ""));
        }
        return value;
    }
}
