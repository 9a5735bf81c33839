package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginClassLoaderTest {

    private static final String SERVICES = "META-INF/services/" + ConnectorFactory.class.getName();

    @TempDir
    static Path jarsDir;

    private static TestJars jars;

    /** The host: the test class path plus version 1 of the library and a class path connector. */
    private URLClassLoader host;
    /** A plugin bundling version 2 of the library and its own copy of a class in a shared package. */
    private PluginClassLoader plugin;

    @BeforeAll
    static void buildJars() throws IOException {
        jars = TestJars.build(jarsDir);
    }

    @BeforeEach
    void createLoaders() {
        host = new URLClassLoader(new URL[] {url(jars.libV1()), url(jars.plain())}, getClass().getClassLoader());
        plugin = new PluginClassLoader("greeter-two", List.of(jars.greeterV2(), jars.libV2(), jars.probe()), host);
    }

    @AfterEach
    void closeLoaders() throws IOException {
        plugin.close();
        host.close();
    }

    @Test
    void aLibraryTheHostAlsoHasComesFromThePluginsJars() throws Exception {
        Class<?> hostGreeting = host.loadClass("com.acme.lib.Greeting");
        Class<?> pluginGreeting = plugin.loadClass("com.acme.lib.Greeting");

        assertThat(pluginGreeting).isNotSameAs(hostGreeting);
        assertThat(pluginGreeting.getClassLoader()).isSameAs(plugin);
        assertThat(pluginGreeting.getMethod("hello", String.class).invoke(null, "me")).isEqualTo("v2 greets me");
    }

    @Test
    void theSpiAndJacksonAreTheHostsOwnClasses() throws Exception {
        assertThat(plugin.loadClass(ConnectorFactory.class.getName())).isSameAs(ConnectorFactory.class);
        assertThat(plugin.loadClass(ObjectNode.class.getName())).isSameAs(ObjectNode.class);
        assertThat(plugin.loadClass("java.sql.Connection")).isSameAs(java.sql.Connection.class);
        assertThat(plugin.loadClass(String.class.getName())).isSameAs(String.class);
    }

    @Test
    void hostClassesOutsideTheSharedPackagesAreInvisible() {
        assertThatThrownBy(() -> plugin.loadClass("org.assertj.core.api.Assertions")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> plugin.loadClass(ConnectorRegistry.class.getName())).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> plugin.loadClass(TestJars.PLAIN.factory())).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aCopyOfASharedPackageThePluginBundlesIsNeverUsed() throws Exception {
        assertThat(plugin.findResource("com/fasterxml/jackson/databind/Sneaky.class")).as("the jar holds it").isNotNull();

        assertThatThrownBy(() -> plugin.loadClass("com.fasterxml.jackson.databind.Sneaky")).isInstanceOf(ClassNotFoundException.class);
        assertThat(plugin.getResource("com/fasterxml/jackson/databind/Sneaky.class")).isNull();
    }

    @Test
    void servicesFilesAreThePluginsOnlyAndSharedResourcesTheHosts() throws Exception {
        List<URL> services = Collections.list(plugin.getResources(SERVICES));

        assertThat(services).extracting(URL::toString)
                .hasSize(2)
                .allSatisfy(found -> assertThat(found).doesNotContain(jars.plain().getFileName().toString()))
                .anySatisfy(found -> assertThat(found).contains("greeter-two.jar"))
                .anySatisfy(found -> assertThat(found).contains("probe.jar"));
        assertThat(plugin.getResource(SERVICES).toString()).contains("greeter-two.jar");
        assertThat(plugin.getResource("io/tributary/connector/spi/Connector.class"))
                .isEqualTo(host.getResource("io/tributary/connector/spi/Connector.class"));
    }

    @Test
    void aClosedLoaderLoadsNothingMore() throws Exception {
        plugin.loadClass(TestJars.GREETER_V2.factory());
        plugin.close();

        assertThatThrownBy(() -> plugin.loadClass("com.acme.lib.Greeting")).isInstanceOf(ClassNotFoundException.class);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
