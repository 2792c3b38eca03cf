/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The picocli model of a {@link CommandLineOptions}: picocli reads the command line's syntax and
 * lays out the help's sections ({@link HelpText} writes the options' part); the values stay text
 * here, converted by each {@link Option} after the environment and the defaults are applied, so
 * that an option keeps one declaration.
 */
final class PicocliModel {
    /** What picocli formats in the synopsis it prints, which a command's name may contain. */
    private static final String PERCENT = "%";

    private PicocliModel() {}

    /** The command's model: its options, hidden former names, arguments, help and exit codes. */
    static CommandSpec of(CommandLineOptions declared) {
        CommandSpec spec = CommandSpec.create().name(declared.command());
        spec.interpolateVariables(false);
        // a domain named @file is a name, not a file of arguments; the last of a repeated option
        // wins, as the legacy commands had it
        spec.parser().expandAtFiles(false).overwrittenOptionsAllowed(true);
        UsageMessageSpec usage =
                spec.usageMessage()
                        .width(HelpText.WIDTH)
                        .synopsisHeading("")
                        .customSynopsis("usage: " + escaped(declared.command()) + " [options]%n")
                        .optionListHeading(
                                declared.description().isEmpty() ? "options:%n" : "%noptions:%n")
                        .exitCodeListHeading("%nexit codes:%n")
                        .exitCodeList(ExitCodes.list());
        for (Option<?> opt : declared.options()) {
            spec.addOption(optionSpec(opt, declared.shortFormOf(opt)));
            if (opt.formerName() != null) {
                spec.addOption(
                        OptionSpec.builder("--" + opt.formerName())
                                .type(String.class)
                                .arity(opt.isSwitch() ? "0..1" : "1")
                                .fallbackValue("true")
                                .hidden(true)
                                .build());
            }
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
        spec.addOption(OptionSpec.builder("--version").versionHelp(true).build());
        spec.addPositional(
                PositionalParamSpec.builder()
                        // a Path, read back as typed, so that shell completion offers files
                        .type(declared.takesFiles() ? Path.class : String.class)
                        .index("0..*")
                        .arity("0..*")
                        .paramLabel("ARGUMENT")
                        .build());
        // the description and the options by section, with their help texts, are ours (HelpText);
        // the arguments are said by the description: listed to picocli, not hidden, so that
        // completion offers files
        List<String> shown = new ArrayList<>(usage.sectionKeys());
        shown.remove(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING);
        shown.remove(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST);
        usage.sectionKeys(shown);
        Map<String, CommandLine.IHelpSectionRenderer> renderers =
                new LinkedHashMap<>(usage.sectionMap());
        renderers.put(
                UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                help -> HelpText.description(declared.description()));
        renderers.put(
                UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> HelpText.optionList(declared));
        usage.sectionMap(renderers);
        return spec;
    }

    /** The option as picocli reads it: its value as text, a switch also as {@code --no-NAME}. */
    private static OptionSpec optionSpec(Option<?> opt, Character letter) {
        OptionSpec.Builder b =
                letter == null
                        ? OptionSpec.builder("--" + opt.name())
                        : OptionSpec.builder("-" + letter, "--" + opt.name());
        if (!opt.choices().isEmpty()) {
            b.completionCandidates(opt.choices());
        }
        if (opt.isSwitch()) {
            // read by the Option's own converter, so that the legacy click forms (--flag=off) stay;
            // --no-NAME gives false, as picocli negates a switch that has no default
            return b.type(Boolean.class)
                    .arity("0..1")
                    .negatable(true)
                    .converters(text -> Option.parseBoolean(opt.name(), text))
                    .build();
        }
        return b.type(String.class).arity("1").paramLabel(HelpText.valueName(opt)).build();
    }

    /** The text as picocli prints it back: it formats help texts with {@link String#format}. */
    private static String escaped(String text) {
        return text.replace(PERCENT, "%%");
    }

    /** The usage text, without colours whatever the terminal. */
    static String usage(CommandSpec spec) {
        return new CommandLine(spec).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
