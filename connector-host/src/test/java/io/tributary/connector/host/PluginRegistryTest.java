package io.tributary.connector.host;

import static io.tributary.connector.host.TestJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tributary.connector.spi.ConnectorFactory;
import io.tributary.connector.spi.SpiVersion;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    static Path jarsDir;

    private static TestJars jars;

    @TempDir
    Path pluginsDir;

    private final ClassLoader host = getClass().getClassLoader();
    private ConnectorRegistry registry;

    @BeforeAll
    static void buildJars() throws IOException {
        jars = TestJars.build(jarsDir);
    }

    @AfterEach
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void twoPluginsBundlingConflictingVersionsOfOneLibraryRunSideBySide() throws IOException {
        plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());
        plugin(pluginsDir, "greeter-two", jars.greeterV2(), jars.libV2());

        registry = load(false);

        assertThat(answer("greeter-one")).isEqualTo("v1 from the plugin");
        assertThat(answer("greeter-two")).isEqualTo("v2 greets plugin two from the plugin");
    }

    @Test
    void aPluginUsesItsOwnCopyOfALibraryTheHostAlsoHas() throws IOException {
        plugin(pluginsDir, "greeter-two", jars.greeterV2(), jars.libV2());

        try (URLClassLoader hostWithV1 = new URLClassLoader(new URL[] {jars.libV1().toUri().toURL()}, host)) {
            registry = ConnectorRegistry.load(hostWithV1, new PluginOptions(pluginsDir, false), Map.of());

            assertThat(answer("greeter-two")).isEqualTo("v2 greets plugin two from the plugin");
        }
    }

    @Test
    void aPluginSeesTheSpiButNoOtherHostClassNorItsOwnCopyOfASharedPackage() throws IOException {
        plugin(pluginsDir, "probe", jars.probe());

        registry = load(false);

        assertThat(answer("probe")).isEqualTo("assertj hidden, host hidden, bundled jackson hidden, spi visible");
    }

    @Test
    void theListingNamesEachPluginWithItsConnectorsSpiVersionsAndJars() throws IOException {
        Path one = plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());
        Files.writeString(one.resolve("README.txt"), "not a jar");
        plugin(pluginsDir, "greeter-two", jars.greeterV2(), jars.libV2());

        registry = load(false);

        assertThat(registry.plugins()).extracting(LoadedPlugin::name).containsExactly("greeter-one", "greeter-two");
        LoadedPlugin first = registry.plugins().get(0);
        assertThat(first.directory()).isEqualTo(one);
        assertThat(first.jars()).containsExactly(one.resolve("acme-lib-1.0.jar"), one.resolve("greeter-one.jar"));
        assertThat(first.connectors()).singleElement().satisfies(connector -> {
            assertThat(connector.typeId()).isEqualTo("greeter-one");
            assertThat(connector.spiVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(connector.source()).isEqualTo(one.toString());
        });
        assertThat(registry.pluginOf("greeter-two")).get().extracting(LoadedPlugin::name).isEqualTo("greeter-two");
        assertThat(registry.brokenPlugins()).isEmpty();
    }

    @Test
    void aPluginsFactoryIsTheHostsSpiTypeLoadedByThePluginsOwnLoader() throws Exception {
        plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());

        registry = load(false);

        LoadedPlugin plugin = registry.plugins().get(0);
        Class<?> factory = plugin.classLoader().loadClass(TestJars.GREETER_V1.factory());
        assertThat(factory.getClassLoader()).isSameAs(plugin.classLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(factory.getConstructor().newInstance()).isInstanceOf(ConnectorFactory.class);
        assertThat(registry.find("greeter-one").orElseThrow().implementation().getClassLoader()).isSameAs(plugin.classLoader());
    }

    @Test
    void aPluginIsFoundAndCreatedWithItsLoaderAsTheContextClassLoaderWhichIsThenRestored() throws IOException {
        plugin(pluginsDir, "context", jars.contextChecking());
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        registry = load(false);

        assertThat(registry.find("context")).isPresent();
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void everyLaterCallIntoAPluginsConnectorRunsWithItsLoaderAsTheContextClassLoader() throws IOException {
        plugin(pluginsDir, "context", jars.contextChecking());
        registry = load(false);
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThat(answer("context")).isEqualTo("own loader");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void connectorsOnTheClassPathAndInPluginsLoadTogether() throws IOException {
        plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());

        try (URLClassLoader hostWithPlain = new URLClassLoader(new URL[] {jars.plain().toUri().toURL()}, host)) {
            registry = ConnectorRegistry.load(hostWithPlain, new PluginOptions(pluginsDir, false), Map.of());

            assertThat(registry.installed()).extracting(InstalledConnector::typeId).containsExactly("plain", "greeter-one");
            assertThat(registry.pluginOf("plain")).isEmpty();
            assertThat(registry.find("plain").orElseThrow().source()).endsWith(jars.plain().getFileName().toString());
            assertThat(answer("plain")).isEqualTo("plain");
        }
    }

    @Test
    void aMissingPluginsDirectoryMeansNoPlugins() {
        registry = ConnectorRegistry.load(host, new PluginOptions(pluginsDir.resolve("absent"), false), Map.of());

        assertThat(registry.plugins()).isEmpty();
        assertThat(registry.brokenPlugins()).isEmpty();
        assertThat(registry.installed()).isEmpty();
    }

    @Test
    void aPluginBuiltForAnotherSpiMajorVersionStopsStartUpNamingItsDirectory() throws IOException {
        Path old = plugin(pluginsDir, "old", jars.oldSpi());

        assertBroken(old, "built for connector SPI 1.0", "provides SPI " + SpiVersion.CURRENT);
    }

    @Test
    void aFactoryWhoseConstructorFailsStopsStartUpNamingItsDirectory() throws IOException {
        Path ctor = plugin(pluginsDir, "ctor", jars.failingConstructor());

        assertBroken(ctor, TestJars.FAILING_CONSTRUCTOR.factory() + " could not be constructed", "no licence file");
    }

    @Test
    void aConnectorThatFailsToBeCreatedStopsStartUpNamingItsDirectory() throws IOException {
        Path create = plugin(pluginsDir, "create", jars.failingCreate());

        assertBroken(create, "could not be created", "cannot reach the licence server");
    }

    @Test
    void invalidSettingsStopStartUpNamingThePluginsDirectoryAndTheSetting() throws IOException {
        Path limited = plugin(pluginsDir, "limited", jars.limited());

        assertThatThrownBy(() -> ConnectorRegistry.load(host, new PluginOptions(pluginsDir, false),
                Map.of("limited", Map.of("limit", "99"))))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageStartingWith("Plugin directory " + limited + " is broken: ")
                .hasMessageContaining("connectors.limited.limit");
    }

    @Test
    void validSettingsReachAPluginsConnector() throws IOException {
        plugin(pluginsDir, "limited", jars.limited());

        registry = ConnectorRegistry.load(host, new PluginOptions(pluginsDir, false), Map.of("limited", Map.of("limit", "7")));

        assertThat(registry.find("limited")).isPresent();
    }

    @Test
    void aPluginWithoutAConnectorStopsStartUpNamingItsDirectory() throws IOException {
        Path library = plugin(pluginsDir, "just-a-library", jars.libV1());

        assertBroken(library, "it has no connector", "META-INF/services/io.tributary.connector.spi.ConnectorFactory");
    }

    @Test
    void aPluginDirectoryWithoutAJarStopsStartUpNamingIt() throws IOException {
        Path empty = Files.createDirectories(pluginsDir.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "the jar went missing");

        assertBroken(empty, "it holds no jar");
    }

    @Test
    void anUnreadableJarStopsStartUpNamingItsDirectoryAndTheJar() throws IOException {
        Path garbled = plugin(pluginsDir, "garbled", jars.plain(), jars.garbage());

        assertBroken(garbled, "cannot read the jar garbage.jar");
    }

    @Test
    void twoPluginsWithOneTypeIdStopStartUpNamingTheSecondAndTheFirst() throws IOException {
        Path first = plugin(pluginsDir, "a-first", jars.sameA());
        Path second = plugin(pluginsDir, "b-second", jars.sameB());

        assertBroken(second, "declares the type id 'same'", "the plugin in " + first);
    }

    @Test
    void aPluginClashingWithAClassPathConnectorIsTheBrokenOne() throws IOException {
        Path twin = plugin(pluginsDir, "twin", jars.plainTwin());

        try (URLClassLoader hostWithPlain = new URLClassLoader(new URL[] {jars.plain().toUri().toURL()}, host)) {
            assertThatThrownBy(() -> ConnectorRegistry.load(hostWithPlain, new PluginOptions(pluginsDir, false), Map.of()))
                    .isInstanceOf(ConnectorLoadException.class)
                    .hasMessageStartingWith("Plugin directory " + twin + " is broken: ")
                    .hasMessageContaining(TestJars.PLAIN_TWIN.factory() + " declares the type id 'plain'")
                    .hasMessageContaining("the connector on the class path in " + jars.plain().toUri().toURL());
        }
    }

    @Test
    void skippingBrokenPluginsReportsEachWithItsReasonAndLoadsTheRest() throws IOException {
        plugin(pluginsDir, "create", jars.failingCreate());
        plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());
        Path old = plugin(pluginsDir, "old", jars.oldSpi());
        plugin(pluginsDir, "twin-of-greeter", jars.greeterV1(), jars.libV1());

        registry = ConnectorRegistry.load(host, new PluginOptions(pluginsDir, true), Map.of("create", Map.of()));

        assertThat(registry.plugins()).extracting(LoadedPlugin::name).containsExactly("greeter-one");
        assertThat(answer("greeter-one")).isEqualTo("v1 from the plugin");
        assertThat(registry.brokenPlugins()).extracting(BrokenPlugin::name).containsExactly("create", "old", "twin-of-greeter");
        assertThat(registry.brokenPlugins().get(0).reason()).contains("cannot reach the licence server");
        assertThat(registry.brokenPlugins().get(1).directory()).isEqualTo(old);
        assertThat(registry.brokenPlugins().get(1).reason()).contains("built for connector SPI 1.0");
        assertThat(registry.brokenPlugins().get(2).reason()).contains("'greeter-one'", "the plugin in " + pluginsDir.resolve("greeter-one"));
        assertThat(registry.settingsWithoutConnector()).containsExactly("create");
    }

    @Test
    void settingsForAnUninstalledConnectorStillStopStartUpWhenNoPluginIsBroken() throws IOException {
        plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());

        assertThatThrownBy(() -> ConnectorRegistry.load(host, new PluginOptions(pluginsDir, true), Map.of("greeter-uno", Map.of())))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageContaining("connectors.greeter-uno is configured, but no connector 'greeter-uno' is installed");
    }

    @Test
    void aBrokenPluginsConnectorsAlreadyCreatedAreClosedAndItsJarsReleased() throws IOException {
        Path half = plugin(pluginsDir, "half-broken", jars.halfBroken());

        assertBroken(half, TestJars.HALF_BAD.factory() + " in " + half + " could not be created");

        assertThat(half.resolve("closed-half-good")).exists();
        assertThat(openFiles()).noneMatch(file -> file.startsWith(half));
    }

    @Test
    void closingTheRegistryClosesEveryConnectorThenEveryPluginsLoader() throws Exception {
        Path one = plugin(pluginsDir, "greeter-one", jars.greeterV1(), jars.libV1());
        Path two = plugin(pluginsDir, "greeter-two", jars.greeterV2(), jars.libV2());
        registry = load(false);
        ClassLoader loader = registry.pluginOf("greeter-one").orElseThrow().classLoader();
        assertThat(openFiles()).anyMatch(file -> file.startsWith(one));

        registry.close();
        registry = null;

        assertThat(one.resolve("closed-greeter-one")).exists();
        assertThat(two.resolve("closed-greeter-two")).exists();
        assertThatThrownBy(() -> loader.loadClass("com.acme.lib.Greeting")).isInstanceOf(ClassNotFoundException.class);
        assertThat(openFiles()).noneMatch(file -> file.startsWith(one) || file.startsWith(two));
    }

    private ConnectorRegistry load(boolean skipBroken) {
        return ConnectorRegistry.load(host, new PluginOptions(pluginsDir, skipBroken), Map.of());
    }

    private void assertBroken(Path pluginDirectory, String... reasons) {
        assertThatThrownBy(() -> load(false))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessageStartingWith("Plugin directory " + pluginDirectory + " is broken: ")
                .hasMessageContainingAll(reasons);
    }

    private String answer(String typeId) {
        InstalledConnector installed = registry.find(typeId).orElseThrow();
        return installed.connector()
                .runQuery(Contexts.of(Map.of()), ParameterValidator.prepare(installed, typeId + ".answer", null))
                .data().get("answer").asText();
    }

    /** The files this process holds open, as the kernel reports them; the test is skipped elsewhere. */
    private static List<Path> openFiles() throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        assumeThat(Files.isDirectory(descriptors)).as("/proc/self/fd lists open files").isTrue();
        try (Stream<Path> links = Files.list(descriptors)) {
            return links.map(link -> {
                try {
                    return Files.readSymbolicLink(link);
                } catch (IOException e) {
                    return link; // closed while listing
                }
            }).toList();
        }
    }
}
