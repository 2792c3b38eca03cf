/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One versioned SQL script of the schema, read from {@code db/migration/V<n>__<description>.sql}.
 */
public record Migration(int version, String description, String sql) {

    /** Loads a migration script from the class path. */
    public static Migration load(String fileName) {
        if (!fileName.matches("V\\d+__[a-z0-9_]+\\.sql")) {
            throw new IllegalArgumentException(
                    "migration file name must look like V1__some_name.sql: " + fileName);
        }
        int sep = fileName.indexOf("__");
        int version = Integer.parseInt(fileName.substring(1, sep));
        String description = fileName.substring(sep + 2, fileName.length() - 4).replace('_', ' ');
        String path = "db/migration/" + fileName;
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(
                        "migration " + path + " is missing from the class path");
            }
            return new Migration(
                    version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }

    /** SHA-256 of the script, so that an applied script that was edited afterwards is noticed. */
    public String checksum() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
