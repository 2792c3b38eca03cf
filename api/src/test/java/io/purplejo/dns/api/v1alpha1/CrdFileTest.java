package io.purplejo.dns.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrdFileTest {
    static final String FILE = "dnsextractionruns.dns.purplejo.io-v1.yml";

    @Test
    void theCommittedCrdIsTheOneTheModelGenerates() throws Exception {
        Path generated = Path.of("target", "crds", FILE);
        Path committed = Path.of("..", "crds", FILE);

        assertThat(generated).as("the build generates the CRD (crd-generator-maven-plugin)").exists();
        assertThat(Files.readString(committed))
                .as("crds/%s differs from the CRD generated from api/; regenerate it with crds/regenerate.sh"
                        + " and commit it", FILE)
                .isEqualTo(Files.readString(generated));
    }

    @Test
    void theHelmChartShipsTheSameCrd() throws Exception {
        Path chart = Path.of("..", "charts", "dns-extraction-operator", "crds", FILE);

        assertThat(Files.readString(chart))
                .as("the chart's CRD differs from crds/%s; crds/regenerate.sh copies it to both", FILE)
                .isEqualTo(Files.readString(Path.of("..", "crds", FILE)));
    }
}
