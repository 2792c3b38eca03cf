package io.purplejo.dns.operator.phase;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.api.v1alpha1.RunPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseMachineTest {

    @ParameterizedTest(name = "{0} {1} suspend={2} published={3} done={4} deadline={5} -> {6}")
    @CsvSource(nullValues = "null", textBlock = """
            null,       NONE,      false, 0,   0,   false, Pending
            Pending,    ACTIVE,    false, 0,   0,   false, Publishing
            Publishing, ACTIVE,    false, 500, 400, false, Publishing
            Publishing, SUCCEEDED, false, 500, 400, false, Resolving
            Publishing, SUCCEEDED, false, 500, 500, false, Succeeded
            Resolving,  SUCCEEDED, false, 500, 499, false, Resolving
            Resolving,  SUCCEEDED, false, 500, 500, false, Succeeded
            Publishing, FAILED,    false, 10,  10,  false, Failed
            Publishing, ACTIVE,    true,  10,  0,   false, Suspended
            Resolving,  SUCCEEDED, true,  10,  0,   false, Suspended
            Suspended,  SUCCEEDED, false, 10,  0,   false, Resolving
            Suspended,  ACTIVE,    false, 10,  0,   false, Publishing
            Resolving,  SUCCEEDED, false, 10,  0,   true,  Failed
            Succeeded,  SUCCEEDED, true,  10,  10,  true,  Succeeded
            Failed,     ACTIVE,    false, 10,  10,  false, Failed
            """)
    void movesAlongItsTransitions(RunPhase current, PublisherState publisher, boolean suspended, long published,
                                  long done, boolean deadline, RunPhase expected) {
        PhaseDecision d = PhaseMachine.next(new PhaseInput(current, false, suspended, publisher, published, done,
                deadline));

        assertThat(d.phase()).isEqualTo(expected);
        assertThat(PhaseMachine.allowed(current, d.phase())).as("%s -> %s is a legal move", current, d.phase()).isTrue();
    }

    @Test
    void aNewRunWaitsInPendingForItsSecretsButAStartedRunCarriesOn() {
        PhaseDecision waiting = PhaseMachine.next(new PhaseInput(null, true, false, PublisherState.NONE, 0, 0, false));
        PhaseDecision started = PhaseMachine.next(new PhaseInput(RunPhase.Publishing, true, false,
                PublisherState.ACTIVE, 0, 0, false));

        assertThat(waiting.phase()).isEqualTo(RunPhase.Pending);
        assertThat(waiting.reason()).isEqualTo("InvalidSpec");
        assertThat(started.phase()).isEqualTo(RunPhase.Publishing);
    }

    @Test
    void finishedRunsNeverMoveAgain() {
        for (RunPhase to : RunPhase.values()) {
            assertThat(PhaseMachine.allowed(RunPhase.Succeeded, to)).isEqualTo(to == RunPhase.Succeeded);
            assertThat(PhaseMachine.allowed(RunPhase.Failed, to)).isEqualTo(to == RunPhase.Failed);
        }
    }
}
