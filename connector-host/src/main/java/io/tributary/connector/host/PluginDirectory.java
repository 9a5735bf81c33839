package io.tributary.connector.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One plugin as it lies on disk: a directory under the plugins directory holding the plugin's jar
 * and its dependencies' jars.
 *
 * @param name the directory's name, which is the plugin's name
 * @param directory the directory
 */
public record PluginDirectory(String name, Path directory) {

    /** Checks the inputs. */
    public PluginDirectory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * The plugins under a plugins directory: one per sub-directory, hidden ones (a leading dot)
     * ignored, sorted by name so that loading, and which of two clashing plugins is refused, does
     * not depend on the file system's order. Files lying directly in the plugins directory are
     * ignored.
     *
     * @param pluginsDirectory the plugins directory
     * @return the plugins; empty when the directory does not exist
     * @throws ConnectorLoadException when it exists but is not a directory or cannot be read
     */
    public static List<PluginDirectory> scan(Path pluginsDirectory) {
        if (!Files.exists(pluginsDirectory)) {
            return List.of();
        }
        if (!Files.isDirectory(pluginsDirectory)) {
            throw new ConnectorLoadException("The plugins directory " + pluginsDirectory + " is not a directory", null);
        }
        try (Stream<Path> entries = Files.list(pluginsDirectory)) {
            return entries.filter(Files::isDirectory)
                    .filter(directory -> !fileName(directory).startsWith("."))
                    .sorted(Comparator.comparing(PluginDirectory::fileName))
                    .map(directory -> new PluginDirectory(fileName(directory), directory))
                    .toList();
        } catch (IOException e) {
            throw new ConnectorLoadException("The plugins directory " + pluginsDirectory + " cannot be read: " + e, e);
        }
    }

    /**
     * The plugin's jars: the {@code .jar} files directly in its directory, sorted by name so the
     * class path order is stable. Other files are ignored.
     *
     * @return the jars, possibly none
     * @throws IOException when the directory cannot be read
     */
    public List<Path> jars() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> fileName(file).toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .sorted(Comparator.comparing(PluginDirectory::fileName))
                    .toList();
        }
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }
}
