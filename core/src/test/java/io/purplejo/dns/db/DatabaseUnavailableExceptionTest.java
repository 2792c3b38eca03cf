/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUnavailableExceptionTest {

    @ParameterizedTest(name = "{0} {1}, from the pool: {2} -> lost: {3}")
    @CsvSource({
        // SQLSTATE, I/O cause, wrapped by the pool, lost connection
        "08006, false, false, true", // connection failure
        "08003, false, false, true", // connection does not exist (closed)
        "57P01, false, false, true", // admin shutdown: a restart or failover
        "57P03, false, false, true", // cannot connect now: the server is starting
        "08004, false, false, false", // the server rejected the connection: pg_hba.conf
        "28P01, false, true,  false", // wrong password, behind the pool's timeout
        "3D000, false, true,  false", // no such database, behind the pool's timeout
        "42501, false, false, false", // permission denied: the statement, not the connection
        "57014, false, false, false", // statement cancelled: the connection is still there
        "'',    true,  false, true", // no SQLSTATE, an I/O error underneath
        "'',    false, true,  true", // no connection from the pool in time
    })
    void tellsALostConnectionFromAFailedStatementAndFromARefusal(
            String state, boolean ioCause, boolean viaPool, boolean lost) {
        SQLException e =
                new SQLException(
                        "failed",
                        state.isEmpty() ? null : state,
                        ioCause ? new ConnectException("refused") : null);
        if (viaPool) {
            e = new SQLTransientConnectionException("no connection in time", null, e);
        }

        assertThat(DatabaseUnavailableException.lostConnection(e)).isEqualTo(lost);
    }
}
