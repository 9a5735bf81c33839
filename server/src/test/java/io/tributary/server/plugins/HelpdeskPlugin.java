package io.tributary.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Makes the helpdesk example connector a plugin, as its author would ship it: a jar of the
 * connector's own classes, as the reactor compiled them in connector-testkit's test sources, and a
 * services file naming its factory. Its fake, its deliberately broken variants and the contract
 * tests stay out (they need connector-host, the kit and JUnit, which a plugin never sees), and so
 * do the testkit's other service entries. The helpdesk is not on the server's class path: this
 * jar is the only way it gets in.
 */
public final class HelpdeskPlugin {

    /** The plugin's directory name under {@code plugins.directory}. */
    public static final String NAME = "helpdesk";
    public static final String FACTORY = "com.example.helpdesk.HelpdeskConnectorFactory";

    private static final String SERVICES = "META-INF/services/io.tributary.connector.spi.ConnectorFactory";
    private static final String PACKAGE = "com/example/helpdesk/";
    /** The connector's own classes; each may have nested classes beside it. */
    private static final List<String> CLASSES = List.of("HelpdeskConnectorFactory", "HelpdeskConnector", "HelpdeskApi",
            "HelpdeskStreams", "HelpdeskWebhooks");
    /** Where the reactor compiles connector-testkit's test classes, seen from the server module's directory. */
    private static final Path TEST_CLASSES = Path.of("..", "connector-testkit", "target", "test-classes");

    private HelpdeskPlugin() {
    }

    /**
     * Lays the plugin out as {@code <pluginsDirectory>/helpdesk/helpdesk-connector.jar}.
     *
     * @return the plugin's directory
     */
    public static Path layOut(Path pluginsDirectory) {
        Path classes = TEST_CLASSES.toAbsolutePath().normalize();
        if (!Files.isRegularFile(classes.resolve(PACKAGE + "HelpdeskConnectorFactory.class"))) {
            throw new IllegalStateException("The helpdesk connector's compiled classes are not in " + classes.resolve(PACKAGE)
                    + ": build from the project root so the reactor compiles connector-testkit's tests first "
                    + "(mvn verify, or mvn verify -pl server -am), and run the server's tests from the server module's directory");
        }
        try {
            Path directory = Files.createDirectories(pluginsDirectory.resolve(NAME));
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(directory.resolve("helpdesk-connector.jar")))) {
                for (Path file : connectorClasses(classes.resolve(PACKAGE))) {
                    jar.putNextEntry(new JarEntry(PACKAGE + file.getFileName()));
                    Files.copy(file, jar);
                    jar.closeEntry();
                }
                jar.putNextEntry(new JarEntry(SERVICES));
                jar.write((factoryEntry(classes.resolve(SERVICES)) + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> connectorClasses(Path packageDirectory) throws IOException {
        try (Stream<Path> files = Files.list(packageDirectory)) {
            return files.filter(file -> isConnectorClass(file.getFileName().toString())).sorted().toList();
        }
    }

    private static boolean isConnectorClass(String fileName) {
        return CLASSES.stream().anyMatch(name -> fileName.equals(name + ".class") || fileName.startsWith(name + "$"));
    }

    /** The testkit's services file's entry for the helpdesk's factory: the one line of it this plugin ships. */
    private static String factoryEntry(Path servicesFile) throws IOException {
        if (!Files.isRegularFile(servicesFile)
                || Files.readAllLines(servicesFile).stream().map(String::strip).noneMatch(FACTORY::equals)) {
            throw new IllegalStateException(servicesFile + " does not list " + FACTORY + ": the helpdesk connector moved or was renamed");
        }
        return FACTORY;
    }
}
