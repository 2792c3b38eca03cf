/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.publisher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {

    private static ConfirmTracker.Pending msg(long seq, long first, long last) {
        return new ConfirmTracker.Pending(
                seq, first, last, (int) (last - first + 1), new byte[0], null);
    }

    @Test
    void theCheckpointStaysBelowTheFirstUnconfirmedMessage() {
        ConfirmTracker t = new ConfirmTracker(100);
        t.published(msg(1, 101, 110));
        t.published(msg(2, 111, 120));
        t.published(msg(3, 121, 130));
        assertThat(t.checkpoint()).isEqualTo(100);

        t.acked(2, false);
        assertThat(t.checkpoint()).as("message 1 is still unconfirmed").isEqualTo(100);
        assertThat(t.confirmedDomains()).isEqualTo(10);

        t.acked(1, false);
        assertThat(t.checkpoint()).isEqualTo(120);

        t.acked(3, true);
        assertThat(t.checkpoint()).isEqualTo(130);
        assertThat(t.confirmedDomains()).isEqualTo(30);
        assertThat(t.outstanding()).isZero();
    }

    @Test
    void aMultipleAckConfirmsEverythingUpToItsSequence() {
        ConfirmTracker t = new ConfirmTracker(0);
        for (int i = 1; i <= 5; i++) {
            t.published(msg(i, i * 10L - 9, i * 10L));
        }

        t.acked(3, true);

        assertThat(t.checkpoint()).isEqualTo(30);
        assertThat(t.outstanding()).isEqualTo(2);
        assertThat(t.confirmedDomains()).isEqualTo(30);
    }

    @Test
    void aRefusedMessageHoldsTheCheckpointUntilItIsPublishedAgainAndConfirmed() {
        ConfirmTracker t = new ConfirmTracker(0);
        t.published(msg(1, 1, 10));
        t.published(msg(2, 11, 20));

        t.nacked(1, false);
        t.acked(2, false);
        assertThat(t.checkpoint()).as("the refused range is not confirmed").isZero();
        assertThat(t.outstanding()).isEqualTo(1);

        var again = t.takeRefused();
        assertThat(again).extracting(ConfirmTracker.Pending::firstId).containsExactly(1L);
        t.published(msg(3, 1, 10));
        assertThat(t.checkpoint()).isZero();
        t.acked(3, false);
        assertThat(t.checkpoint()).isEqualTo(20);
        assertThat(t.confirmedDomains()).isEqualTo(20);
    }
}
