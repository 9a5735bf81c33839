package io.tributary.connector.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoryTest {

    @TempDir
    Path pluginsDir;

    @Test
    void aMissingPluginsDirectoryHoldsNoPlugin() {
        assertThat(PluginDirectory.scan(pluginsDir.resolve("absent"))).isEmpty();
    }

    @Test
    void eachVisibleSubDirectoryIsAPluginInNameOrder() throws IOException {
        Files.createDirectories(pluginsDir.resolve("zendesk"));
        Files.createDirectories(pluginsDir.resolve("acme"));
        Files.createDirectories(pluginsDir.resolve(".staging"));
        Files.writeString(pluginsDir.resolve("stray.jar"), "not in a plugin directory");

        assertThat(PluginDirectory.scan(pluginsDir)).containsExactly(
                new PluginDirectory("acme", pluginsDir.resolve("acme")),
                new PluginDirectory("zendesk", pluginsDir.resolve("zendesk")));
    }

    @Test
    void aPluginsJarsAreTheJarFilesDirectlyInItsDirectoryInNameOrder() throws IOException {
        Path acme = Files.createDirectories(pluginsDir.resolve("acme"));
        Files.writeString(acme.resolve("b-client.jar"), "");
        Files.writeString(acme.resolve("A-CONNECTOR.JAR"), "");
        Files.writeString(acme.resolve("NOTICE.txt"), "");
        Files.createDirectories(acme.resolve("lib.jar"));
        Files.writeString(Files.createDirectories(acme.resolve("nested")).resolve("deep.jar"), "");

        assertThat(new PluginDirectory("acme", acme).jars()).containsExactly(acme.resolve("A-CONNECTOR.JAR"), acme.resolve("b-client.jar"));
    }

    @Test
    void aPluginsDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(pluginsDir.resolve("plugins"), "");

        assertThatThrownBy(() -> PluginDirectory.scan(file))
                .isInstanceOf(ConnectorLoadException.class)
                .hasMessage("The plugins directory " + file + " is not a directory");
    }
}
