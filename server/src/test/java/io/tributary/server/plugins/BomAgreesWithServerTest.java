package io.tributary.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM tells connector authors which Jackson the server provides to plugins; a plugin compiled
 * against another version can fail at run time. The BOM's word must be the Jackson the server loads.
 */
class BomAgreesWithServerTest {

    @Test
    void theBomsJacksonIsTheJacksonTheServerRuns() throws Exception {
        String bom = Files.readString(Path.of("..", "tributary-bom", "pom.xml"));
        assertThat(property(bom, "tributary.jackson.version"))
                .as("tributary-bom's tributary.jackson.version must name the Jackson the server runs")
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertThat(property(bom, "tributary.jackson-annotations.version"))
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion() + "."
                        + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion());
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("tributary-bom/pom.xml has <%s>", name).isTrue();
        return matcher.group(1).trim();
    }
}
