package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.spi.QueryType;
import io.tributary.connector.spi.SpiVersion;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            ConnectorRegistry registry = ConnectorRegistry.load(loader, Map.of());

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
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
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
        Path future = jars.jar("future", List.of(ConnectorJars.connectorSource("com.future", "FutureConnector", "future", "\"3.0\"")),
                List.of("com.future.FutureConnector"));
        Path old = jars.jar("old", List.of(ConnectorJars.connectorSource("com.old", "OldConnector", "old", "\"1.1\"")),
                List.of("com.old.OldConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(future)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.future.FutureConnector")
                    .hasMessageContaining("future.jar")
                    .hasMessageContaining("built for connector SPI 3.0")
                    .hasMessageContaining("provides SPI " + SpiVersion.CURRENT);
        }
        try (URLClassLoader loader = ConnectorJars.loaderFor(old)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.old.OldConnector")
                    .hasMessageContaining("built for connector SPI 1.1");
        }
    }

    @Test
    void aConnectorBuiltForANewerMinorVersionIsRefused() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        String newerMinor = "\"" + SpiVersion.MAJOR + "." + (SpiVersion.MINOR + 1) + "\"";
        Path newer = jars.jar("newer", List.of(ConnectorJars.connectorSource("com.newer", "NewerConnector", "newer", newerMinor)),
                List.of("com.newer.NewerConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(newer)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
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
            InstalledConnector installed = ConnectorRegistry.load(loader, Map.of()).find("current").orElseThrow();
            assertThat(installed.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        }
    }

    @Test
    void aServicesFileNamingAMissingClassFailsLoudly() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path broken = jars.jar("broken", List.of(ConnectorJars.connectorSource("com.ok", "OkConnector", "ok", "SpiVersion.CURRENT")),
                List.of("com.ok.OkConnector", "com.gone.MissingConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(broken)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
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
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of()))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("com.boom.BoomConnector")
                    .hasMessageContaining("boom.jar")
                    .hasMessageContaining("could not be created");
        }
    }

    @Test
    void anEmptyClassPathGivesAnEmptyRegistry() throws Exception {
        try (URLClassLoader loader = ConnectorJars.loaderFor()) {
            assertThat(ConnectorRegistry.load(loader, Map.of()).installed()).isEmpty();
        }
    }

    @Test
    void eachConnectorGetsTheSettingsUnderItsTypeIdValidated() throws Exception {
        ConnectorJars jars = new ConnectorJars(workDir);
        Path alpha = jars.jar("alpha", List.of(ConnectorJars.connectorSource("com.alpha", "AlphaConnector", "alpha", "SpiVersion.CURRENT")),
                List.of("com.alpha.AlphaConnector"));

        try (URLClassLoader loader = ConnectorJars.loaderFor(alpha)) {
            ConnectorRegistry registry = ConnectorRegistry.load(loader, Map.of("alpha", Map.of("page_size", "42")));
            assertThat(registry.find("alpha").orElseThrow().connector().runQuery(null, null).data().get("count").asLong())
                    .as("the connector was created with the configured page size").isEqualTo(42);
            assertThatThrownBy(() -> ConnectorRegistry.load(loader, Map.of("alpha", Map.of("page_size", "300"))))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageContaining("connectors.alpha.page_size must be at most 100")
                    .hasMessageContaining("com.alpha.AlphaConnector")
                    .hasMessageContaining("alpha.jar");
        }
    }

    @Test
    void twoFactoriesWithOneTypeIdAreRefusedAndBothConnectorsClosed() {
        StubConnector first = new StubConnector();
        StubConnector second = new StubConnector();

        assertThatThrownBy(() -> ConnectorRegistry.create(StubFactory.of("acme").creating(settings -> first),
                StubFactory.of("acme").creating(settings -> second)))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageContaining("Two connectors declare the type id 'acme'")
                .hasMessageContaining("Remove one of the two");
        assertThat(first.closes).hasValue(1);
        assertThat(second.closes).hasValue(1);
    }

    @Test
    void settingsConfiguredForATypeIdNoConnectorHasAreRefused() {
        StubConnector installed = new StubConnector();

        assertThatThrownBy(() -> ConnectorRegistry.create(List.of(StubFactory.of("acme").creating(settings -> installed)),
                Map.of("acmee", Map.of("page_size", 10))))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessage("connectors.acmee is configured, but no connector 'acmee' is installed (installed: acme)");
        assertThat(installed.closes).as("connectors installed before the failure are closed").hasValue(1);
    }

    @Test
    void aFailingConnectorClosesTheOnesInstalledBeforeIt() {
        StubConnector installed = new StubConnector();

        assertThatThrownBy(() -> ConnectorRegistry.create(StubFactory.of("acme").creating(settings -> installed),
                StubFactory.of("broken").creating(settings -> {
                    throw new IllegalStateException("no pool");
                }))).isInstanceOf(ConnectorLoadException.class).hasMessageContaining("no pool");
        assertThat(installed.closes).hasValue(1);
    }

    @Test
    void closeClosesEveryConnectorEvenIfOneThrows() {
        StubConnector first = new StubConnector();
        StubConnector throwing = new StubConnector(Optional.empty(), Optional.empty(), new IllegalStateException("already closed"));
        StubConnector last = new StubConnector();
        ConnectorRegistry registry = ConnectorRegistry.create(StubFactory.of("first").creating(settings -> first),
                StubFactory.of("throwing").creating(settings -> throwing), StubFactory.of("last").creating(settings -> last));

        registry.close();

        assertThat(List.of(first.closes.get(), throwing.closes.get(), last.closes.get())).containsExactly(1, 1, 1);
        assertThat(registry.installed()).extracting(InstalledConnector::typeId).containsExactly("first", "throwing", "last");
        assertThat(registry.find("last").map(InstalledConnector::descriptor).map(descriptor -> descriptor.queryTypes().get(0))
                .map(QueryType::id)).contains("last.count");
    }
}
