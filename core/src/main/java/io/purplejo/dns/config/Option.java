/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One command-line option, declared once: its name, environment variable, default, accepted values
 * and help, and how its text becomes a typed value. Components read it with {@link
 * ParsedOptions#get(Option)}; the usage text and {@code docs/options.md} are rendered from it.
 *
 * @param <T> the type of the value
 */
public final class Option<T> {
    private final String name;
    private final String envVar;
    private final String defaultText;
    private final String accepts;
    private final String help;
    private final boolean isSwitch;
    private final boolean secret;
    private final Function<String, T> converter;
    private final List<String> choices;
    private final String formerName;
    private final String formerEnvVar;

    private Option(
            String name,
            String envVar,
            String defaultText,
            String accepts,
            String help,
            boolean isSwitch,
            boolean secret,
            Function<String, T> converter) {
        this(
                name,
                envVar,
                defaultText,
                accepts,
                help,
                isSwitch,
                secret,
                converter,
                List.of(),
                null,
                null);
    }

    private Option(
            String name,
            String envVar,
            String defaultText,
            String accepts,
            String help,
            boolean isSwitch,
            boolean secret,
            Function<String, T> converter,
            List<String> choices,
            String formerName,
            String formerEnvVar) {
        this.name = name;
        this.envVar = envVar;
        this.defaultText = defaultText;
        this.accepts = accepts;
        this.help = help;
        this.isSwitch = isSwitch;
        this.secret = secret;
        this.converter = converter;
        this.choices = List.copyOf(choices);
        this.formerName = formerName;
        this.formerEnvVar = formerEnvVar;
    }

    /** Free text; {@code defaultValue} may be null for none. */
    public static Option<String> text(
            String name, String envVar, String defaultValue, String help) {
        return new Option<>(name, envVar, defaultValue, "text", help, false, false, s -> s);
    }

    /** A secret text (a DSN or URL with its password): never printed, not even its default. */
    public static Option<String> secret(String name, String envVar, String help) {
        return new Option<>(name, envVar, null, "secret text", help, false, true, s -> s);
    }

    /** An on/off switch, also given as {@code --no-NAME}; the legacy click forms are accepted. */
    public static Option<Boolean> flag(
            String name, String envVar, boolean defaultValue, String help) {
        return new Option<>(
                name,
                envVar,
                Boolean.toString(defaultValue),
                "switch",
                help,
                true,
                false,
                s -> parseBoolean(name, s));
    }

    /** A whole number in {@code [min, max]}; {@code defaultValue} may be null for none. */
    public static Option<Integer> integer(
            String name, String envVar, Integer defaultValue, int min, int max, String help) {
        return wholeNumber(
                        name,
                        envVar,
                        defaultValue == null ? null : (long) defaultValue,
                        min,
                        max,
                        help)
                .as(Long::intValue);
    }

    /** A whole number in {@code [min, max]} that may exceed an int. */
    public static Option<Long> wholeNumber(
            String name, String envVar, Long defaultValue, long min, long max, String help) {
        return new Option<>(
                name,
                envVar,
                defaultValue == null ? null : defaultValue.toString(),
                min + " to " + max,
                help,
                false,
                false,
                s -> {
                    long n = parseWhole(name, s);
                    if (n < min || n > max) {
                        throw outOfRange(name, min, max, s);
                    }
                    return n;
                });
    }

    /** The same option, its converted value passed through {@code mapping}. */
    private <R> Option<R> as(Function<T, R> mapping) {
        return new Option<>(
                name,
                envVar,
                defaultText,
                accepts,
                help,
                isSwitch,
                secret,
                converter.andThen(mapping),
                choices,
                formerName,
                formerEnvVar);
    }

    /** A decimal number in {@code [min, max]}. */
    public static Option<Double> decimal(
            String name, String envVar, double defaultValue, double min, double max, String help) {
        return new Option<>(
                name,
                envVar,
                Double.toString(defaultValue),
                min + " to " + max,
                help,
                false,
                false,
                s -> {
                    double d;
                    try {
                        d = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw new InvalidConfigurationException(
                                "option --" + name + " takes a number, not '" + s + "'");
                    }
                    if (!(d >= min && d <= max)) {
                        throw outOfRange(name, min, max, s);
                    }
                    return d;
                });
    }

    /** A comma-separated list; blank entries are dropped, each entry is stripped. */
    public static Option<List<String>> list(
            String name, String envVar, String defaultValue, String help) {
        return new Option<>(
                name,
                envVar,
                defaultValue,
                "comma-separated list",
                help,
                false,
                false,
                Option::splitList);
    }

    /** One of an enum's constants, given in any case. */
    public static <E extends Enum<E>> Option<E> choice(
            String name, String envVar, E defaultValue, Class<E> type, String help) {
        List<String> names =
                Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList();
        Function<String, E> converter =
                s -> {
                    String wanted = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
                    for (E e : type.getEnumConstants()) {
                        if (e.name().equals(wanted)) {
                            return e;
                        }
                    }
                    throw new InvalidConfigurationException(
                            "option --"
                                    + name
                                    + " takes "
                                    + String.join(", ", names)
                                    + ", not '"
                                    + s
                                    + "'");
                };
        return new Option<>(
                name,
                envVar,
                defaultValue == null
                        ? null
                        : defaultValue.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                String.join(" \\| ", names),
                help,
                false,
                false,
                converter,
                names,
                null,
                null);
    }

    /** The same option, its converted value passed through {@code check} (which may refine it). */
    public Option<T> checked(java.util.function.UnaryOperator<T> check) {
        return as(check);
    }

    /** The same option (name, variable, values) explained for another command. */
    public Option<T> withHelp(String otherHelp) {
        return copy(defaultText, otherHelp, formerName, formerEnvVar);
    }

    /** The same option with another default, as the user would type it. */
    public Option<T> withDefault(String otherDefault) {
        return copy(otherDefault, help, formerName, formerEnvVar);
    }

    /**
     * The same option, still accepted under the name and variable it had before ({@code
     * --batch-size}, {@code BATCH_SIZE}), so that existing command lines and manifests keep
     * working; the new name wins when both are given.
     */
    public Option<T> formerly(String oldName, String oldEnvVar) {
        return copy(defaultText, help, oldName, oldEnvVar);
    }

    private Option<T> copy(String newDefault, String newHelp, String oldName, String oldEnvVar) {
        return new Option<>(
                name,
                envVar,
                newDefault,
                accepts,
                newHelp,
                isSwitch,
                secret,
                converter,
                choices,
                oldName,
                oldEnvVar);
    }

    /** The name the option had before, still accepted, or null. */
    public String formerName() {
        return formerName;
    }

    /** The environment variable the option had before, still read, or null. */
    public String formerEnvVar() {
        return formerEnvVar;
    }

    /** The values a choice accepts, as typed; empty for other options. */
    public List<String> choices() {
        return choices;
    }

    public String name() {
        return name;
    }

    public String envVar() {
        return envVar;
    }

    /** The default as the user would type it, or null for none. */
    public String defaultText() {
        return defaultText;
    }

    /** The default, converted as a given value would be; null for none. */
    public T defaultValue() {
        return defaultText == null || defaultText.isBlank() ? null : converter.apply(defaultText);
    }

    /** The default as usage texts and docs show it: none for a secret or an empty default. */
    public String shownDefault() {
        return secret || defaultText == null || defaultText.isEmpty() ? null : defaultText;
    }

    /** What the option accepts, for the usage text and the docs. */
    public String accepts() {
        return accepts;
    }

    public String help() {
        return help;
    }

    public boolean isSwitch() {
        return isSwitch;
    }

    public boolean secret() {
        return secret;
    }

    /** The value of this text; throws {@link InvalidConfigurationException} naming the option. */
    T convert(String text) {
        return converter.apply(text);
    }

    private static long parseWhole(String name, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    "option --" + name + " takes a whole number, not '" + s + "'");
        }
    }

    private static InvalidConfigurationException outOfRange(
            String name, Object min, Object max, String given) {
        return new InvalidConfigurationException(
                "option --"
                        + name
                        + " must be between "
                        + min
                        + " and "
                        + max
                        + ", not "
                        + given.trim());
    }

    static boolean parseBoolean(String name, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default ->
                    throw new InvalidConfigurationException(
                            "option --" + name + " takes true or false, not '" + text + "'");
        };
    }

    private static List<String> splitList(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
