package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Where the data lives: an external PostgreSQL ({@code url}), or, for development only, an
 * embedded one whose files live in {@code embeddedDataDirectory}.
 */
public class DatabaseConfig {

    @JsonProperty
    private String url = "";

    @JsonProperty
    private String user = "";

    @JsonProperty
    private String password = "";

    /** Whether an empty {@code url} may start an embedded PostgreSQL; false in production. */
    @JsonProperty
    private boolean allowEmbedded = false;

    @JsonProperty
    private String embeddedDataDirectory = "./data/postgres";

    /** The embedded database's port; 0 picks a free one. */
    @JsonProperty
    @Min(0)
    @Max(65535)
    private int embeddedPort = 0;

    @JsonProperty
    @Min(2)
    @Max(200)
    private int maxConnections = 16;

    public String url() {
        return url == null ? "" : url.trim();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean allowEmbedded() {
        return allowEmbedded;
    }

    public boolean embedded() {
        return url().isEmpty();
    }

    public String embeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    public int embeddedPort() {
        return embeddedPort;
    }

    public int maxConnections() {
        return maxConnections;
    }
}
