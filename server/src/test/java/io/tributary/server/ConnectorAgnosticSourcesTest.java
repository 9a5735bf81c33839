package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server knows no connector by name: each connector's specifics come through the SPI, and
 * configuration files are where a deployment names the connectors it runs.
 */
class ConnectorAgnosticSourcesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void noServerSourceNamesTheStripeConnector() throws IOException {
        assertThat(SOURCES).as("run from the server module's directory").isDirectory();
        List<Path> naming;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            naming = files.filter(Files::isRegularFile).filter(ConnectorAgnosticSourcesTest::mentionsStripe).toList();
        }
        assertThat(naming).as("server sources naming Stripe; take what they need from the connector's descriptor or "
                + "the configuration").isEmpty();
    }

    @Test
    void theCheckFindsAMention(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("Example.java"), "// STRIPE's webhooks\n");
        assertThat(mentionsStripe(file)).isTrue();
    }

    private static boolean mentionsStripe(Path file) {
        try {
            return Files.readString(file).toLowerCase(Locale.ROOT).contains("stripe");
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + file, e);
        }
    }
}
