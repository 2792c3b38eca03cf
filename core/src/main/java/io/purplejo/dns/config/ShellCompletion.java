/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash (and zsh, through bashcompinit) completion script of a program, from the same option
 * declarations its help and parsing use: commands, options, and the values of choices.
 */
public final class ShellCompletion {
    private ShellCompletion() {}

    /**
     * The script completing {@code shellCommand} (the name the user types: a wrapper script or
     * function around {@code java -jar}), with the program's own options and its commands.
     */
    public static String bash(
            String shellCommand,
            CommandLineOptions program,
            Map<String, CommandLineOptions> commands) {
        CommandLine top = new CommandLine(program.picocliSpec().name(shellCommand));
        commands.forEach(
                (name, options) ->
                        top.addSubcommand(name, new CommandLine(options.picocliSpec().name(name))));
        return AutoComplete.bash(shellCommand, top);
    }
}
