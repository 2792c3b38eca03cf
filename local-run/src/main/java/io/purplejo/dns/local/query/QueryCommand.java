/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.local.query;

import io.purplejo.dns.config.InvalidConfigurationException;
import io.purplejo.dns.names.DomainName;
import io.purplejo.dns.names.DomainTable;
import io.purplejo.dns.worker.store.LegacyTable;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Prints what the database holds for one domain: its records from the legacy tables (and values too
 * large for them, kept whole in {@code dnsx_oversized_records}), and its outcome in the latest run
 * that resolved it.
 */
public final class QueryCommand {
    private QueryCommand() {}

    /** Prints the domain's records; returns false when the database does not know the name. */
    public static boolean print(DataSource dataSource, String rawName, PrintStream out)
            throws SQLException {
        DomainName.Parsed parsed = DomainName.parse(rawName);
        if (!parsed.valid()) {
            throw new InvalidConfigurationException(
                    "'" + rawName + "' is not a valid domain name: " + parsed.invalidReason());
        }
        DomainName domain = parsed.name();
        // the xn-- form too: readable whatever the terminal's encoding
        String name =
                domain.stored() + domain.alternateSpelling().map(a -> " (" + a + ")").orElse("");
        try (Connection c = dataSource.getConnection()) {
            Integer id = DomainTable.find(c, List.of(domain)).get(domain);
            if (id == null) {
                out.println(name + ": not in the domains table");
                return false;
            }
            out.println(name + " (domains.id " + id + ")");
            printOutcome(c, id, out);
            int records = 0;
            for (LegacyTable table : LegacyTable.values()) {
                try (PreparedStatement ps = c.prepareStatement(table.selectSql())) {
                    ps.setInt(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.printf("  %-5s %s%n", table.name(), rs.getString(1));
                            records++;
                        }
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT record_type, coalesce(value_text,"
                                    + " '(' || octet_length(value_bytes) || ' bytes, not text)'), reason FROM dnsx_oversized_records"
                                    + " WHERE domain_id = ? ORDER BY 1, 2")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.printf(
                                "  %-5s %s  [kept whole in dnsx_oversized_records: %s]%n",
                                rs.getString(1), rs.getString(2), rs.getString(3));
                        records++;
                    }
                }
            }
            if (records == 0) {
                out.println("  (no records stored)");
            }
            return true;
        }
    }

    private static void printOutcome(Connection c, int id, PrintStream out) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT o.outcome, o.type_outcomes, o.resolved_at,"
                                + " coalesce(r.name, r.id::text) FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id"
                                + " WHERE o.domain_id = ? ORDER BY o.resolved_at DESC LIMIT 1")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.printf(
                            "  outcome %s (%s) at %s in run %s%n",
                            rs.getString(1),
                            rs.getString(2) == null ? "" : rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4));
                } else {
                    out.println("  outcome: not resolved by any run yet");
                }
            }
        }
    }
}
