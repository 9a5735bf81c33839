package io.tributary.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL connector's plugin directory as the Maven build ships it (connector-postgres's
 * {@code package} phase lays out {@code target/plugin/postgres}: the connector's jar and the
 * PostgreSQL driver), copied whole into a server's plugins directory.
 */
public final class PostgresPlugin {

    public static final String NAME = "postgres";
    public static final String FACTORY = "io.tributary.connector.postgres.PostgresConnectorFactory";

    /** Where connector-postgres's build lays the plugin out, seen from the server module's directory. */
    private static final Path BUILT = Path.of("..", "connector-postgres", "target", "plugin", NAME);

    private PostgresPlugin() {
    }

    /** The jars of the plugin directory the build made, by file name. */
    public static List<String> builtJars() {
        return jars(built());
    }

    /**
     * Copies the built plugin directory to {@code <pluginsDirectory>/postgres}.
     *
     * @return the copy
     */
    public static Path copyInto(Path pluginsDirectory) {
        Path built = built();
        try {
            Path directory = Files.createDirectories(pluginsDirectory.resolve(NAME));
            for (String jar : jars(built)) {
                Files.copy(built.resolve(jar), directory.resolve(jar));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path built() {
        Path built = BUILT.toAbsolutePath().normalize();
        if (!Files.isDirectory(built) || jars(built).stream().noneMatch(jar -> jar.startsWith("connector-postgres-"))) {
            throw new IllegalStateException("The PostgreSQL plugin directory " + built + " is missing or holds no connector jar: it is"
                    + " made in connector-postgres's package phase, so build with mvn verify -pl server -am, not mvn test");
        }
        return built;
    }

    private static List<String> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
