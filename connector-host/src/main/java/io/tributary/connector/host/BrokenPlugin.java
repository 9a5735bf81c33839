package io.tributary.connector.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin that could not be loaded, and why; kept, with {@code plugins.skipBroken}, so the
 * connector listing can show it.
 *
 * @param name the plugin's name (its directory's name)
 * @param directory its directory
 * @param reason what is wrong, for an operator: a clashing type id, a wrong SPI version, a
 *     connector that failed to start, invalid settings, no connector, an unreadable jar
 */
public record BrokenPlugin(String name, Path directory, String reason) {

    /** Checks the inputs. */
    public BrokenPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(reason, "reason");
    }
}
