/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.e2e.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that users meet: those the chart's alerts and dashboard use, those
 * docs/operator.md documents, and those a scrape of a component shows; and how a scraped sample's
 * name relates to a documented family (histograms and summaries add suffixes).
 */
public final class MonitoredMetrics {
    static final Path CHART = HelmChartTest.REPO.resolve("charts/dns-extraction-operator");
    private static final Pattern NAME =
            Pattern.compile("\\b(dnsx_[a-z0-9_]+|operator_sdk_[a-z0-9_]+)\\b");
    private static final List<String> SAMPLE_SUFFIXES =
            List.of("_bucket", "_count", "_sum", "_max");

    private MonitoredMetrics() {}

    /** The metrics the chart's alerting rules and Grafana dashboard query. */
    public static Set<String> usedByTheChart() {
        Set<String> used = new TreeSet<>();
        used.addAll(names(read(CHART.resolve("templates/prometheusrule.yaml"))));
        used.addAll(names(read(CHART.resolve("files/grafana-dashboard.json"))));
        return used;
    }

    /** The metric families the monitoring section of docs/operator.md lists. */
    public static Set<String> documented() {
        String doc = read(HelmChartTest.REPO.resolve("docs/operator.md"));
        int start = doc.indexOf("<!-- metrics:start -->");
        int end = doc.indexOf("<!-- metrics:end -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException("docs/operator.md has no metrics:start/end markers");
        }
        Set<String> out = new TreeSet<>();
        for (String line : doc.substring(start, end).lines().toList()) {
            Matcher m = Pattern.compile("^\\| `([a-z0-9_]+)`").matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The sample names of a Prometheus text exposition. */
    public static Set<String> scraped(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                out.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
            }
        }
        return out;
    }

    /** Whether a sample of this name belongs to that family (itself, or with a sample suffix). */
    public static boolean belongsTo(String sample, String family) {
        return sample.equals(family)
                || SAMPLE_SUFFIXES.stream().anyMatch(s -> sample.equals(family + s));
    }

    static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
