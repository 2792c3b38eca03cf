/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a local run's logs go: everything into a file of the data directory, and only warnings and
 * errors to the terminal, so that the progress bar and the summary stay readable.
 */
final class LocalLogging {
    private static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private LocalLogging() {}

    static void configure(Path logFile, boolean verbose) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.INFO);
        if (logFile != null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setFile(logFile.toString());
            file.setAppend(true);
            file.setEncoder(encoder(context));
            file.start();
            root.addAppender(file);
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder(context));
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(verbose || logFile == null ? "INFO" : "WARN");
        warnings.start();
        console.addFilter(warnings);
        console.start();
        root.addAppender(console);
        for (String noisy :
                new String[] {
                    "com.zaxxer.hikari",
                    "org.xbill.DNS",
                    "org.apache.qpid",
                    "qpid.message",
                    "qpid.statistics",
                    "io.zonky"
                }) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
