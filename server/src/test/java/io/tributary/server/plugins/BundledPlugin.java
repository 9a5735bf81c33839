package io.tributary.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A connector's plugin directory as the Maven build ships it (its module's {@code package} phase
 * lays out {@code target/plugin/<name>}: the connector's jar and its runtime dependencies), copied
 * whole into a server's plugins directory.
 *
 * @param name the plugin directory's name
 * @param module the Maven module that builds it
 */
public record BundledPlugin(String name, String module) {

    /** The Stripe connector: its jar, stripe-java and gson. */
    public static final BundledPlugin STRIPE = new BundledPlugin("stripe", "connector-stripe");

    /** The PostgreSQL connector: its jar and the PostgreSQL driver. */
    public static final BundledPlugin POSTGRES = new BundledPlugin("postgres", "connector-postgres");

    /** The webhook connector: its jar alone. */
    public static final BundledPlugin WEBHOOK = new BundledPlugin("webhook", "connector-webhook");

    /** The jars of the plugin directory the build made, by file name. */
    public List<String> builtJars() {
        return jars(built());
    }

    /**
     * Copies the built plugin directory to {@code <pluginsDirectory>/<name>}.
     *
     * @return the copy
     */
    public Path copyInto(Path pluginsDirectory) {
        Path built = built();
        try {
            Path directory = Files.createDirectories(pluginsDirectory.resolve(name));
            for (String jar : jars(built)) {
                Files.copy(built.resolve(jar), directory.resolve(jar));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the module's build lays the plugin out, seen from the server module's directory. */
    private Path built() {
        Path built = Path.of("..", module, "target", "plugin", name).toAbsolutePath().normalize();
        if (!Files.isDirectory(built) || jars(built).stream().noneMatch(jar -> jar.startsWith(module + "-"))) {
            throw new IllegalStateException("The plugin directory " + built + " is missing or holds no connector jar: it is made "
                    + "in " + module + "'s package phase, so build with mvn verify (or mvn verify -pl server -am), not mvn test");
        }
        return built;
    }

    private static List<String> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
