package io.purplejo.dns.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.purplejo.dns.outcome.Outcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainResolutionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
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
            """)
    void aDomainFailsWhenAnyTypeFailedElseTakesTheBestAnswer(String typeOutcomes, Outcome expected) {
        List<TypeAnswer> answers = Arrays.stream(typeOutcomes.split(" "))
                .map(o -> TypeAnswer.failed(1, Outcome.valueOf(o), 1)).toList();

        assertThat(DomainResolution.combine(answers)).isEqualTo(expected);
    }
}
