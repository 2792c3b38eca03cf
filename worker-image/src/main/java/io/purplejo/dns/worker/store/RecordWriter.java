/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.worker.store;

import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.outcome.Outcome;
import io.purplejo.dns.resolve.DomainResolution;
import io.purplejo.dns.resolve.TypeAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.xbill.DNS.Type;

/**
 * Writes a batch of resolved domains in one transaction: the domain rows they belong to (found by
 * id or name, inserted when missing), {@code domains.updated_at}, every record into its legacy
 * table by upsert on the table's unique index, values too large for a legacy column into {@code
 * dnsx_oversized_records}, each domain's outcome, and the run counters, which change only when an
 * outcome row is new or changes, so that redelivered messages never count twice. Rows are written
 * in key order so that concurrent workers lock rows in the same order and cannot deadlock.
 */
public final class RecordWriter {
    /**
     * Rows per run and outcome in {@code dnsx_run_counters}: each worker adds to one of them, so
     * that many workers never queue on one counter row; readers sum them all.
     */
    public static final int COUNTER_SHARDS = 16;

    private final DataSource dataSource;
    private final int counterShard;

    /**
     * @param counterShard the shard of {@code dnsx_run_counters} this worker adds to ({@link
     *     #counterShardOf})
     */
    public RecordWriter(DataSource dataSource, int counterShard) {
        this.dataSource = dataSource;
        this.counterShard = counterShard;
    }

    /** The counter shard of a worker: spread by its id, the same after a restart. */
    public static int counterShardOf(String workerId) {
        return Math.floorMod(workerId.hashCode(), COUNTER_SHARDS);
    }

    /** Outcome counts that the batch added, per run: what the run counters moved by. */
    public record WriteResult(Map<Long, Map<Outcome, Long>> counterDeltas, int recordsWritten) {}

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
        Map<ResolvedDomain, Integer> ids = DomainRows.assign(c, batch);

        // one entry per (run, domain): a domain twice in a batch keeps its last resolution
        Map<Long, Map<Integer, ResolvedDomain>> byRun = new TreeMap<>();
        Map<Long, Map<String, String>> invalidByRun = new TreeMap<>();
        Map<Integer, ResolvedDomain> latestPerDomain = new TreeMap<>();
        for (ResolvedDomain d : batch) {
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

        touchDomains(c, latestPerDomain.keySet());
        int records = writeRecords(c, latestPerDomain);

        Map<Long, Map<Outcome, Long>> deltas = new TreeMap<>();
        for (Map.Entry<Long, Map<Integer, ResolvedDomain>> run : byRun.entrySet()) {
            writeOutcomes(
                    c,
                    run.getKey(),
                    run.getValue(),
                    deltas.computeIfAbsent(run.getKey(), k -> new HashMap<>()));
        }
        for (Map.Entry<Long, Map<String, String>> run : invalidByRun.entrySet()) {
            long added = writeInvalidNames(c, run.getKey(), run.getValue());
            if (added > 0) {
                deltas.computeIfAbsent(run.getKey(), k -> new HashMap<>())
                        .merge(Outcome.INVALID, added, Long::sum);
            }
        }
        addToCounters(c, deltas);
        return new WriteResult(deltas, records);
    }

    private static void touchDomains(Connection c, Set<Integer> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // rows are locked in id order first: an UPDATE alone locks in whatever order its plan
        // visits them,
        // which differs between plans and deadlocks concurrent workers
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE domains d SET updated_at = now() FROM (SELECT id FROM domains WHERE id = ANY(?)"
                                + " ORDER BY id FOR NO KEY UPDATE) locked WHERE d.id = locked.id")) {
            ps.setArray(1, c.createArrayOf("int4", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Rows of one legacy table: sorted, unique. */
    private static final class TableRows {
        final TreeSet<List<Object>> rows = new TreeSet<>(RecordWriter::compareRows);

        void add(Object... values) {
            rows.add(List.of(values));
        }

        Object[] column(int i) {
            Object[] out = new Object[rows.size()];
            int k = 0;
            for (List<Object> r : rows) {
                out[k++] = r.get(i);
            }
            return out;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareRows(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int writeRecords(Connection c, Map<Integer, ResolvedDomain> domains)
            throws SQLException {
        Map<LegacyTable, TableRows> rows = new EnumMap<>(LegacyTable.class);
        // (domain, run) pairs whose set of a type an authoritative answer replaces
        Map<LegacyTable, TableRows> authoritative = new EnumMap<>(LegacyTable.class);
        for (LegacyTable t : LegacyTable.values()) {
            rows.put(t, new TableRows());
            authoritative.put(t, new TableRows());
        }
        List<Oversized> oversized = new ArrayList<>();

        for (Map.Entry<Integer, ResolvedDomain> e : domains.entrySet()) {
            int id = e.getKey();
            DomainResolution r = e.getValue().resolution();
            for (TypeAnswer answer : r.answers().values()) {
                // records, no data or NXDOMAIN say what the set is now; a failure says nothing
                // about it
                if (!answer.outcome().failed()) {
                    authoritative.get(LegacyTable.of(answer.type())).add(id, e.getValue().runId());
                }
            }
            for (String target : r.cnameTargets()) {
                rows.get(LegacyTable.CNAME).add(id, target);
            }
            for (TypeAnswer answer : r.answers().values()) {
                List<String> values = answer.values();
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    switch (answer.type()) {
                        case Type.A -> rows.get(LegacyTable.A).add(id, v);
                        case Type.AAAA -> rows.get(LegacyTable.AAAA).add(id, v);
                        case Type.NS -> rows.get(LegacyTable.NS).add(id, v);
                        case Type.MX -> {
                            int space = v.indexOf(' ');
                            rows.get(LegacyTable.MX)
                                    .add(
                                            id,
                                            v.substring(space + 1),
                                            Integer.parseInt(v.substring(0, space)));
                        }
                        case Type.SOA -> {
                            if (ValuePlacement.fitsLegacyColumn(v, ValuePlacement.VARCHAR_255)) {
                                rows.get(LegacyTable.SOA).add(id, v);
                            } else {
                                oversized.add(
                                        Oversized.of(
                                                id, "SOA", v.getBytes(StandardCharsets.UTF_8), v));
                            }
                        }
                        case Type.TXT -> {
                            if (ValuePlacement.fitsLegacyColumn(
                                    v, ValuePlacement.TXT_COLUMN_CHARS)) {
                                rows.get(LegacyTable.TXT).add(id, v);
                            } else {
                                oversized.add(
                                        Oversized.of(id, "TXT", answer.rawValues().get(i), v));
                            }
                        }
                        default -> {} // CNAME values are the cnameTargets above
                    }
                }
            }
        }
        int n = 0;
        for (Map.Entry<LegacyTable, TableRows> t : rows.entrySet()) {
            replace(c, t.getKey(), authoritative.get(t.getKey()), t.getValue());
            n += upsert(c, t.getKey(), t.getValue());
        }
        replaceOversized(c, authoritative, oversized);
        n += writeOversized(c, oversized);
        return n;
    }

    /**
     * Moves the rows of the authoritative (domain, type) sets that the new rows no longer hold to
     * the history.
     */
    private static void replace(
            Connection c, LegacyTable table, TableRows authoritative, TableRows kept)
            throws SQLException {
        if (authoritative.rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(table.replaceSql())) {
            ps.setArray(1, c.createArrayOf("int4", authoritative.column(0)));
            ps.setArray(2, c.createArrayOf("int8", authoritative.column(1)));
            ps.setArray(3, c.createArrayOf("int4", kept.column(0)));
            for (int i = 0; i < table.types.size(); i++) {
                ps.setArray(i + 4, c.createArrayOf(table.types.get(i), kept.column(i + 1)));
            }
            ps.executeUpdate();
        }
    }

    /**
     * The same for values kept whole outside the legacy tables (SOA and TXT), matched by their
     * SHA-256.
     */
    private static void replaceOversized(
            Connection c, Map<LegacyTable, TableRows> authoritative, List<Oversized> kept)
            throws SQLException {
        List<Object> domainIds = new ArrayList<>();
        List<Object> runIds = new ArrayList<>();
        List<Object> types = new ArrayList<>();
        for (LegacyTable t : List.of(LegacyTable.SOA, LegacyTable.TXT)) {
            for (List<Object> row : authoritative.get(t).rows) {
                domainIds.add(row.get(0));
                runIds.add(row.get(1));
                types.add(t.name());
            }
        }
        if (domainIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "WITH authoritative AS (SELECT * FROM"
                                + " unnest(?::int4[], ?::int8[], ?::text[]) AS a(domain_id, run_id, record_type)),"
                                + " kept AS (SELECT domain_id, record_type, decode(sha_hex, 'hex') AS sha FROM"
                                + " unnest(?::int4[], ?::text[], ?::text[]) AS k(domain_id, record_type, sha_hex)),"
                                + " stale AS (DELETE FROM dnsx_oversized_records o USING authoritative a"
                                + " WHERE o.domain_id = a.domain_id AND o.record_type = a.record_type AND NOT EXISTS (SELECT 1 FROM kept k"
                                + " WHERE k.domain_id = o.domain_id AND k.record_type = o.record_type AND k.sha = o.value_sha256)"
                                + " RETURNING o.domain_id, o.record_type, coalesce(o.value_text, encode(o.value_bytes, 'base64')) AS value,"
                                + " o.updated_at, a.run_id)"
                                + " INSERT INTO dnsx_removed_records (domain_id, record_type, value, last_seen, removed_at, run_id)"
                                + " SELECT domain_id, record_type, value, updated_at, now(), run_id FROM stale")) {
            ps.setArray(1, c.createArrayOf("int4", domainIds.toArray()));
            ps.setArray(2, c.createArrayOf("int8", runIds.toArray()));
            ps.setArray(3, c.createArrayOf("text", types.toArray()));
            ps.setArray(
                    4, c.createArrayOf("int4", kept.stream().map(Oversized::domainId).toArray()));
            ps.setArray(5, c.createArrayOf("text", kept.stream().map(Oversized::type).toArray()));
            ps.setArray(
                    6,
                    c.createArrayOf(
                            "text",
                            kept.stream()
                                    .map(o -> java.util.HexFormat.of().formatHex(o.sha256()))
                                    .toArray()));
            ps.executeUpdate();
        }
    }

    private static int upsert(Connection c, LegacyTable table, TableRows rows) throws SQLException {
        if (rows.rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(table.upsertSql())) {
            ps.setArray(1, c.createArrayOf("int4", rows.column(0)));
            for (int i = 0; i < table.types.size(); i++) {
                ps.setArray(i + 2, c.createArrayOf(table.types.get(i), rows.column(i + 1)));
            }
            ps.executeUpdate();
        }
        return rows.rows.size();
    }

    /** A value kept whole outside its legacy table. */
    private record Oversized(
            int domainId, String type, byte[] sha256, byte[] bytes, String text, String reason) {
        static Oversized of(int domainId, String type, byte[] bytes, String text) {
            try {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Oversized(
                        domainId, type, sha, bytes, text, text == null ? "not_text" : "too_long");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String key() {
            return domainId + "/" + type + "/" + java.util.HexFormat.of().formatHex(sha256);
        }
    }

    private static int writeOversized(Connection c, List<Oversized> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        Map<String, Oversized> unique = new TreeMap<>();
        for (Oversized o : values) {
            unique.put(o.key(), o);
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_oversized_records (domain_id, record_type, value_sha256, value_bytes, value_text,"
                                + " reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, now())"
                                + " ON CONFLICT (domain_id, record_type, value_sha256) DO UPDATE SET updated_at = EXCLUDED.updated_at")) {
            for (Oversized o : unique.values()) {
                ps.setInt(1, o.domainId());
                ps.setString(2, o.type());
                ps.setBytes(3, o.sha256());
                ps.setBytes(4, o.bytes());
                ps.setString(5, o.text());
                ps.setString(6, o.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return unique.size();
    }

    private static void writeOutcomes(
            Connection c,
            long runId,
            Map<Integer, ResolvedDomain> domains,
            Map<Outcome, Long> deltas)
            throws SQLException {
        Object[] ids = new Object[domains.size()];
        Object[] outcomes = new Object[domains.size()];
        Object[] types = new Object[domains.size()];
        Object[] attempts = new Object[domains.size()];
        int i = 0;
        for (Map.Entry<Integer, ResolvedDomain> e : domains.entrySet()) {
            DomainResolution r = e.getValue().resolution();
            ids[i] = e.getKey();
            outcomes[i] = r.outcome().dbName();
            types[i] =
                    r.invalidReason() != null ? "invalid: " + r.invalidReason() : r.typeOutcomes();
            attempts[i] = 1;
            i++;
        }
        // previous_outcome is set from the row being replaced, so RETURNING tells new rows (null)
        // from
        // changed ones atomically, even when two workers write the same domain at once
        String sql =
                "INSERT INTO dnsx_domain_outcomes AS o (run_id, domain_id, outcome, type_outcomes, attempts, resolved_at)"
                        + " SELECT ?, d, oc, t, 1, now() FROM unnest(?::int4[], ?::text[], ?::text[]) AS x(d, oc, t)"
                        + " ON CONFLICT (run_id, domain_id) DO UPDATE SET previous_outcome = o.outcome,"
                        + " outcome = EXCLUDED.outcome, type_outcomes = EXCLUDED.type_outcomes,"
                        + " attempts = o.attempts + 1, resolved_at = EXCLUDED.resolved_at"
                        + " RETURNING outcome, previous_outcome";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setArray(2, c.createArrayOf("int4", ids));
            ps.setArray(3, c.createArrayOf("text", outcomes));
            ps.setArray(4, c.createArrayOf("text", types));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Outcome now = Outcome.fromDbName(rs.getString(1));
                    String before = rs.getString(2);
                    if (before == null) {
                        deltas.merge(now, 1L, Long::sum);
                    } else if (!before.equals(now.dbName())) {
                        deltas.merge(now, 1L, Long::sum);
                        deltas.merge(Outcome.fromDbName(before), -1L, Long::sum);
                    }
                }
            }
        }
        deltas.values().removeIf(v -> v == 0);
    }

    private static long writeInvalidNames(Connection c, long runId, Map<String, String> names)
            throws SQLException {
        long added = 0;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_invalid_names (run_id, name, reason, seen_at)"
                                + " SELECT ?, n, r, now() FROM unnest(?::text[], ?::text[]) AS x(n, r)"
                                + " ON CONFLICT (run_id, name) DO NOTHING RETURNING 1")) {
            ps.setLong(1, runId);
            ps.setArray(2, c.createArrayOf("text", names.keySet().toArray()));
            ps.setArray(3, c.createArrayOf("text", names.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added++;
                }
            }
        }
        return added;
    }

    private void addToCounters(Connection c, Map<Long, Map<Outcome, Long>> deltas)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO dnsx_run_counters (run_id, shard, outcome, domains) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (run_id, shard, outcome) DO UPDATE"
                                + " SET domains = dnsx_run_counters.domains + EXCLUDED.domains")) {
            boolean any = false;
            for (Map.Entry<Long, Map<Outcome, Long>> run : deltas.entrySet()) {
                for (Map.Entry<Outcome, Long> e : new TreeMap<>(run.getValue()).entrySet()) {
                    ps.setLong(1, run.getKey());
                    ps.setShort(2, (short) counterShard);
                    ps.setString(3, e.getKey().dbName());
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
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

    /** Finds (or inserts) the domains row of each resolved domain. */
    static final class DomainRows {
        private DomainRows() {}

        /** The id of each valid domain's row; invalid names without a row get none. */
        static Map<ResolvedDomain, Integer> assign(Connection c, List<ResolvedDomain> batch)
                throws SQLException {
            Map<ResolvedDomain, Integer> ids = new HashMap<>();
            Set<Long> hinted = new TreeSet<>();
            for (ResolvedDomain d : batch) {
                if (d.domainIdHint() > 0) {
                    hinted.add(d.domainIdHint());
                }
            }
            Set<Long> existing = new HashSet<>();
            if (!hinted.isEmpty()) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT id FROM domains WHERE id = ANY(?)")) {
                    ps.setArray(
                            1,
                            c.createArrayOf("int4", hinted.stream().map(Long::intValue).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.add(rs.getLong(1));
                        }
                    }
                }
            }
            List<ResolvedDomain> byName = new ArrayList<>();
            for (ResolvedDomain d : batch) {
                if (d.domainIdHint() > 0 && existing.contains(d.domainIdHint())) {
                    ids.put(d, (int) d.domainIdHint());
                } else if (d.resolution().name() != null) {
                    byName.add(d);
                }
            }
            if (byName.isEmpty()) {
                return ids;
            }
            Set<String> names = new TreeSet<>();
            for (ResolvedDomain d : byName) {
                DomainName n = d.resolution().name();
                names.add(n.stored());
                n.alternateSpelling().ifPresent(names::add);
            }
            Map<String, Integer> found = select(c, names);
            Set<String> missing = new TreeSet<>();
            for (ResolvedDomain d : byName) {
                if (lookup(found, d.resolution().name()) == null) {
                    missing.add(d.resolution().name().stored());
                }
            }
            if (!missing.isEmpty()) {
                insert(c, missing, found);
            }
            for (ResolvedDomain d : byName) {
                Integer id = lookup(found, d.resolution().name());
                if (id == null) {
                    throw new SQLException(
                            "domain row for '"
                                    + d.resolution().name().stored()
                                    + "' could be neither found nor inserted",
                            "XX000");
                }
                ids.put(d, id);
            }
            return ids;
        }

        private static Integer lookup(Map<String, Integer> found, DomainName n) {
            Integer id = found.get(n.stored());
            if (id == null && n.alternateSpelling().isPresent()) {
                id = found.get(n.alternateSpelling().get());
            }
            return id;
        }

        private static Map<String, Integer> select(Connection c, Collection<String> names)
                throws SQLException {
            Map<String, Integer> found = new LinkedHashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, name FROM domains WHERE name = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", names.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(2), rs.getInt(1));
                    }
                }
            }
            return found;
        }

        private static void insert(Connection c, Set<String> missing, Map<String, Integer> found)
                throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "INSERT INTO domains (name, created_at, updated_at) SELECT n, now(), now()"
                                    + " FROM unnest(?::text[]) AS x(n) ON CONFLICT (name) DO NOTHING RETURNING id, name")) {
                Array names = c.createArrayOf("text", missing.toArray());
                ps.setArray(1, names);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(2), rs.getInt(1));
                    }
                }
            }
            // rows another worker inserted between our select and insert
            Set<String> still = new TreeSet<>(missing);
            still.removeAll(found.keySet());
            if (!still.isEmpty()) {
                found.putAll(select(c, still));
            }
        }
    }
}
