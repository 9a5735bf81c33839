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

    /**
     * The role migrations run as, which owns the tables ({@code TRIBUTARY_DATABASE_OWNER_USER}); the
     * server itself runs as {@code user}, which may not rewrite the audit history. Empty: one role
     * does both, and nothing but the audit tables' triggers stands between it and that history.
     */
    @JsonProperty
    private String ownerUser = "";

    @JsonProperty
    private String ownerPassword = "";

    /** Whether an empty {@code url} may start an embedded PostgreSQL; false in production. */
    @JsonProperty
    private boolean allowEmbedded = false;

    @JsonProperty
    private String embeddedDataDirectory = "./data/postgres";

    /** Where the embedded database's generated role passwords are kept (mode 0600). */
    @JsonProperty
    private String embeddedSecretsFile = "./data/dev-secrets.properties";

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

    public String ownerUser() {
        return ownerUser == null ? "" : ownerUser.trim();
    }

    public String ownerPassword() {
        return ownerPassword == null ? "" : ownerPassword;
    }

    public String embeddedSecretsFile() {
        return embeddedSecretsFile;
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
