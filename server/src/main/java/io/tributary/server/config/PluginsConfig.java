package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.connector.host.PluginOptions;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;

/** Where connectors come from: one directory per plugin, each with its own class loader. */
public class PluginsConfig {

    /** Holds one sub-directory per plugin with its jars; a missing directory means no plugins. */
    @NotEmpty
    @JsonProperty
    private String directory = PluginOptions.DEFAULT_DIRECTORY.toString();

    /**
     * When true, a broken plugin is left out and listed as broken in {@code GET /api/v1/connectors};
     * when false (the default) it stops start-up, naming its directory.
     */
    @JsonProperty
    private boolean skipBroken;

    /**
     * Whether connectors on the server's own class path are loaded too, beside the plugins: how
     * tests and IDE runs put a connector in; a packaged server has none there.
     */
    @JsonProperty
    private boolean scanClassPath = true;

    public PluginOptions options() {
        return new PluginOptions(Path.of(directory), skipBroken);
    }

    public boolean scanClassPath() {
        return scanClassPath;
    }
}
