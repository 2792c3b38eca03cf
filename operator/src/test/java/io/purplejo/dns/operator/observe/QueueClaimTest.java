/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRun;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunSpec;
import io.purplejo.dns.api.v1alpha1.DnsExtractionRunStatus;
import io.purplejo.dns.rules.problem.ProblemReason;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueClaimTest {
    /**
     * A run named {@code name}, created at minute {@code minute}, naming queue {@code q}, that
     * claimed {@code claimed} (null: nothing yet).
     */
    private static DnsExtractionRun run(String name, int minute, String claimed) {
        DnsExtractionRun run = new DnsExtractionRun();
        run.setMetadata(
                new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace("ns")
                        .withUid("uid-" + name)
                        .withCreationTimestamp(String.format("2026-12-01T10:%02d:00Z", minute))
                        .build());
        run.setSpec(new DnsExtractionRunSpec());
        run.getSpec().queueName = "q";
        DnsExtractionRunStatus status = new DnsExtractionRunStatus();
        status.queue = claimed;
        run.setStatus(status);
        return run;
    }

    @ParameterizedTest(name = "this run (minute {0}, claimed {1}), other (minute {2}, claimed {3})")
    @CsvSource(
            nullValues = "-",
            textBlock =
                    """
            # mine, my claim, other's minute, other's claim, may use, may delete
            5,  q, 1, -, true,  q
            5,  -, 1, -, false, -
            1,  -, 5, -, true,  -
            1,  -, 5, q, false, -
            5,  q, 1, q, true,  -
            5,  -, -, -, true,  -
            5,  q, -, -, true,  q
            """)
    void oneClaimAnswersWhetherARunMayUseAndMayDeleteItsQueue(
            int minute,
            String claimed,
            Integer otherMinute,
            String otherClaimed,
            boolean mayUse,
            String mayDelete) {
        DnsExtractionRun mine = run("mine", minute, claimed);
        List<DnsExtractionRun> known =
                otherMinute == null
                        ? List.of(mine)
                        : List.of(mine, run("other", otherMinute, otherClaimed));

        QueueClaim claim = QueueClaim.of(mine, known);

        if (mayUse) {
            assertThat(claim.conflict()).isNull();
        } else {
            assertThat(claim.conflict()).isNotNull();
            assertThat(claim.conflict().reason()).isEqualTo(ProblemReason.QUEUE_IN_USE);
            assertThat(claim.conflict().message()).contains("ns/other");
        }
        assertThat(claim.deletable()).isEqualTo(mayDelete);
    }
}
