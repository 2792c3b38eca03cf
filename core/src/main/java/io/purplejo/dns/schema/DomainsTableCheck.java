/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import io.purplejo.dns.config.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a database is an extraction database at all: a command given a database of the user's
 * reads its {@code domains} table, and a database without one is the wrong database (a
 * configuration error, which no retry cures), not an empty one to create tables in.
 */
public final class DomainsTableCheck {
    private DomainsTableCheck() {}

    /**
     * Throws {@link InvalidConfigurationException} naming the database when it has no domains
     * table.
     */
    public static void require(Connection c, String database) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('domains') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new InvalidConfigurationException(
                        "database "
                                + database
                                + " has no domains table:"
                                + " is --postgres-dsn pointing at the extraction database?");
            }
        }
    }
}
