package io.tributary.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {

    @TempDir
    Path workDir;

    @Test
    void loadsEveryConnectorListedInServicesFilesAcrossJars() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path alpha = jars.jar("alpha", List.of(ConnectorJars.connectorSource("com.alpha", "AlphaConnector", "alpha", "SpiVersion.CURRENT")),
                List.of("com.alpha.AlphaConnector"));
        Path beta = jars.jar("beta", List.of(ConnectorJars.connectorSource("org.beta", "BetaConnector", "beta", "SpiVersion.CURRENT")),
                List.of("org.beta.BetaConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(alpha, beta)) {
            ConnectorRegistry registry = ConnectorRegistry.load(loader);

            assertThat(registry.installed()).extracting(InstalledConnector::typeId).containsExactlyInAnyOrder("alpha", "beta");
            assertThat(registry.find("alpha")).get().satisfies(installed -> {
                assertThat(installed.source()).endsWith("alpha.jar");
                assertThat(installed.descriptor().queryTypes()).extracting(QueryType::id).containsExactly("alpha.count");
            });
            assertThat(registry.find("gamma")).isEmpty();
        }
    }

    @Test
    void twoConnectorsWithOneTypeIdFailNamingBothJars() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path first = jars.jar("first-vendor", List.of(ConnectorJars.connectorSource("com.first", "Stripeish", "stripe", "SpiVersion.CURRENT")),
                List.of("com.first.Stripeish"));
        Path second = jars.jar("second-vendor", List.of(ConnectorJars.connectorSource("com.second", "AlsoStripe", "stripe", "SpiVersion.CURRENT")),
                List.of("com.second.AlsoStripe"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(first, second)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("'stripe'")
                    .hasMessageContaining("com.first.Stripeish")
                    .hasMessageContaining("first-vendor.jar")
                    .hasMessageContaining("com.second.AlsoStripe")
                    .hasMessageContaining("second-vendor.jar");
        }
    }

    @Test
    void aConnectorBuiltForAnotherMajorVersionFailsNamingItsJar() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path future = jars.jar("future", List.of(ConnectorJars.connectorSource("com.future", "FutureConnector", "future", "\"2.0\"")),
                List.of("com.future.FutureConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(future)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.future.FutureConnector")
                    .hasMessageContaining("future.jar")
                    .hasMessageContaining("built for connector SPI 2.0")
                    .hasMessageContaining("provides SPI " + SpiVersion.CURRENT);
        }
    }

    @Test
    void aConnectorBuiltForANewerMinorVersionIsRefused() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        String newerMinor = "\"" + SpiVersion.MAJOR + "." + (SpiVersion.MINOR + 1) + "\"";
        Path newer = jars.jar("newer", List.of(ConnectorJars.connectorSource("com.newer", "NewerConnector", "newer", newerMinor)),
                List.of("com.newer.NewerConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(newer)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("newer.jar");
        }
    }

    @Test
    void theVersionAConnectorReportsIsTheOneItWasCompiledWith() throws Exception {
        // SpiVersion.CURRENT is a compile-time constant, so a compiled connector carries its value.
        ConnectorJars jars = new ConnectorJars(workDir);
        Path jar = jars.jar("current", List.of(ConnectorJars.connectorSource("com.current", "CurrentConnector", "current", "SpiVersion.CURRENT")),
                List.of("com.current.CurrentConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(jar)) {
            Connector connector = ConnectorRegistry.load(loader).find("current").orElseThrow().connector();
            assertThat(connector.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        }
    }

    @Test
    void aServicesFileNamingAMissingClassFailsLoudly() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path broken = jars.jar("broken", List.of(ConnectorJars.connectorSource("com.ok", "OkConnector", "ok", "SpiVersion.CURRENT")),
                List.of("com.ok.OkConnector", "com.gone.MissingConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(broken)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.gone.MissingConnector");
        }
    }

    @Test
    void aConnectorWhoseConstructorFailsIsNamedWithItsJar() throws Exception {
        String source = ConnectorJars.connectorSource("com.boom", "BoomConnector", "boom", "SpiVersion.CURRENT")
                .replace("public String spiVersion()",
                        "public BoomConnector() { throw new IllegalStateException(\"no config\"); }\n    public String spiVersion()");
        Path jar = new ConnectorJars(workDir).jar("boom", List.of(source), List.of("com.boom.BoomConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(jar)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.boom.BoomConnector")
                    .hasMessageContaining("boom.jar")
                    .hasMessageContaining("could not be created");
        }
    }

    @Test
    void anEmptyClassPathGivesAnEmptyRegistry() throws Exception {
        try (URLClassLoader loader = ConnectorJars.loaderFor()) {
            assertThat(ConnectorRegistry.load(loader).installed()).isEmpty();
        }
    }
}
