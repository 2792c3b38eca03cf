/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainResolutionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            RESOLVED NO_DATA NO_DATA          | RESOLVED
            NO_DATA NO_DATA                   | NO_DATA
            NXDOMAIN NXDOMAIN NXDOMAIN        | NXDOMAIN
            RESOLVED NXDOMAIN                 | RESOLVED
            NXDOMAIN NO_DATA                  | NO_DATA
            RESOLVED TIMEOUT                  | TIMEOUT
            RESOLVED SERVFAIL NO_DATA         | SERVFAIL
            REFUSED SERVFAIL                  | SERVFAIL
            REFUSED NO_DATA                   | REFUSED
            SERVFAIL TIMEOUT                  | TIMEOUT
            RESOLVED CHAIN_TOO_LONG           | CHAIN_TOO_LONG
            RESOLVED TRUNCATED NO_DATA        | TRUNCATED
            MALFORMED SERVFAIL                | MALFORMED
            TIMEOUT MALFORMED                 | TIMEOUT
            TRUNCATED CHAIN_TOO_LONG REFUSED  | REFUSED
            CHAIN_TOO_LONG TRUNCATED          | TRUNCATED
            """)
    void aDomainFailsWhenAnyTypeFailedElseTakesTheBestAnswer(
            String typeOutcomes, Outcome expected) {
        List<TypeAnswer> answers =
                Arrays.stream(typeOutcomes.split(" "))
                        .map(o -> TypeAnswer.failed(1, Outcome.valueOf(o), 1))
                        .toList();

        assertThat(DomainResolution.combine(answers)).isEqualTo(expected);
    }
}
