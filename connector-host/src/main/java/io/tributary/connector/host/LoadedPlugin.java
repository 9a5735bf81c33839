package io.tributary.connector.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plugin whose connectors are installed.
 *
 * @param name the plugin's name (its directory's name)
 * @param directory its directory
 * @param jars its jars, in class path order
 * @param connectors the connectors it provides, each with its type id and SPI version
 * @param classLoader the plugin's class loader; make it the thread's context class loader
 *     ({@link ContextClassLoader}) around calls into its connectors
 */
public record LoadedPlugin(String name, Path directory, List<Path> jars, List<InstalledConnector> connectors,
                           ClassLoader classLoader) {

    /** Checks and copies the inputs. */
    public LoadedPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        jars = List.copyOf(jars);
        connectors = List.copyOf(connectors);
        Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public String toString() {
        return "LoadedPlugin[" + name + " in " + directory + ", connectors "
                + connectors.stream().map(InstalledConnector::typeId).toList() + "]";
    }
}
