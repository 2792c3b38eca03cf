/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.outcome.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Writes a batch of resolved domains in one transaction, in this order: the domain rows they belong
 * to and their {@code updated_at} ({@link DomainRows}), their records ({@link RecordRows}), each
 * domain's outcome ({@link OutcomeRows}), and the run counters ({@link RunCounters}), which change
 * only when an outcome row is new or changes, so that redelivered messages never count twice. Rows
 * are written in key order so that concurrent workers lock rows in the same order and cannot
 * deadlock.
 */
public final class RecordWriter {
    private final DataSource dataSource;
    private final int counterShard;

    /**
     * @param counterShard the shard of {@code dnsx_run_counters} this worker adds to ({@link
     *     RunCounters#counterShardOf})
     */
    public RecordWriter(DataSource dataSource, int counterShard) {
        this.dataSource = dataSource;
        this.counterShard = counterShard;
    }

    /**
     * Outcome counts that the batch added, per run (what the run counters moved by), and the
     * domains refused with the reason: their message's domain id names another row or none, so
     * nothing of them was written.
     */
    public record WriteResult(
            Map<Long, Map<Outcome, Long>> counterDeltas,
            int recordsWritten,
            Map<ResolvedDomain, String> refused) {}

    public WriteResult write(List<ResolvedDomain> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                WriteResult r = write(c, batch);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    private WriteResult write(Connection c, List<ResolvedDomain> batch) throws SQLException {
        DomainRows.Assignment assignment = DomainRows.assign(c, batch);
        Map<ResolvedDomain, Integer> ids = assignment.ids();

        // one entry per (run, domain): a domain twice in a batch keeps its last resolution
        Map<Long, Map<Integer, ResolvedDomain>> byRun = new TreeMap<>();
        Map<Long, Map<String, String>> invalidByRun = new TreeMap<>();
        Map<Integer, ResolvedDomain> latestPerDomain = new TreeMap<>();
        for (ResolvedDomain d : batch) {
            if (assignment.refused().containsKey(d)) {
                continue;
            }
            Integer id = ids.get(d);
            if (id == null) {
                invalidByRun
                        .computeIfAbsent(d.runId(), k -> new TreeMap<>())
                        .put(printable(d.resolution().input()), d.resolution().invalidReason());
                continue;
            }
            byRun.computeIfAbsent(d.runId(), k -> new TreeMap<>()).put(id, d);
            latestPerDomain.put(id, d);
        }

        // updated_at says when a domain was last extracted: a failure is not an extraction
        Set<Integer> extracted = new TreeSet<>();
        latestPerDomain.forEach(
                (id, d) -> {
                    if (d.resolution().outcome().extracted()) {
                        extracted.add(id);
                    }
                });
        DomainRows.touch(c, extracted);
        int records = RecordRows.write(c, latestPerDomain);

        Map<Long, Map<Outcome, Long>> deltas = new TreeMap<>();
        for (Map.Entry<Long, Map<Integer, ResolvedDomain>> run : byRun.entrySet()) {
            OutcomeRows.write(
                    c,
                    run.getKey(),
                    run.getValue(),
                    deltas.computeIfAbsent(run.getKey(), k -> new HashMap<>()));
        }
        for (Map.Entry<Long, Map<String, String>> run : invalidByRun.entrySet()) {
            long added = OutcomeRows.writeInvalidNames(c, run.getKey(), run.getValue());
            if (added > 0) {
                deltas.computeIfAbsent(run.getKey(), k -> new HashMap<>())
                        .merge(Outcome.INVALID, added, Long::sum);
            }
        }
        RunCounters.add(c, counterShard, deltas);
        return new WriteResult(deltas, records, assignment.refused());
    }

    /**
     * An invalid name as it may be stored: PostgreSQL text holds no NUL, and a runaway legacy body
     * must not become a megabyte key, so control characters are escaped and the length capped.
     */
    static String printable(String raw) {
        String s = raw == null ? "" : raw;
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 300));
        for (int i = 0; i < s.length() && sb.length() < 300; i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
