package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build compares the SPI with a released baseline jar (japicmp, in this module's pom) and
 * fails on any break. A break is allowed only with a new major version, which comes with a new
 * baseline: this keeps {@link SpiVersion#MAJOR} and the baseline the pom names in step.
 */
class SpiBaselineTest {

    @Test
    void theCompatibilityBaselineIsTheReleaseOfThisMajorVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher baseline = Pattern.compile("<spi\\.baseline>[^<]*/connector-spi-(\\d+)\\.(\\d+)\\.jar</spi\\.baseline>").matcher(pom);
        assertThat(baseline.find()).as("connector-spi/pom.xml names its baseline as .../connector-spi-<major>.<minor>.jar").isTrue();
        assertThat(Integer.parseInt(baseline.group(1)))
                .as("SpiVersion.MAJOR changed: release a baseline jar of the new major version and name it in spi.baseline")
                .isEqualTo(SpiVersion.MAJOR);
        assertThat(Integer.parseInt(baseline.group(2))).as("the baseline is a release this SPI's minor version includes")
                .isLessThanOrEqualTo(SpiVersion.MINOR);
        assertThat(Path.of("api-baseline", "connector-spi-" + baseline.group(1) + "." + baseline.group(2) + ".jar")).isRegularFile();
    }
}
