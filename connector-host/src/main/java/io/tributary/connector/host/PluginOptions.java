package io.tributary.connector.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where plugins are and what to do with a broken one.
 *
 * @param directory the plugins directory ({@code plugins.directory}); it need not exist
 * @param skipBroken {@code plugins.skipBroken}: true to start without a broken plugin and report
 *     it, false (the default) to refuse to start
 */
public record PluginOptions(Path directory, boolean skipBroken) {

    /** The default plugins directory, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("plugins");

    /** Checks the inputs. */
    public PluginOptions {
        Objects.requireNonNull(directory, "directory");
    }

    /** @return {@code plugins/}, refusing broken plugins */
    public static PluginOptions defaults() {
        return new PluginOptions(DEFAULT_DIRECTORY, false);
    }
}
