package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's configuration: YAML, with {@code ${ENV_VAR:-default}} substitution. */
public class TributaryConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseConfig database = new DatabaseConfig();

    @Valid
    @NotNull
    @JsonProperty
    private SecurityConfig security = new SecurityConfig();

    @Valid
    @NotNull
    @JsonProperty
    private SchedulerConfig scheduler = new SchedulerConfig();

    @Valid
    @NotNull
    @JsonProperty
    private MirrorConfig mirror = new MirrorConfig();

    @Valid
    @NotNull
    @JsonProperty
    private HistoryConfig history = new HistoryConfig();

    @Valid
    @NotNull
    @JsonProperty
    private LimitsConfig limits = new LimitsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AuditConfig audit = new AuditConfig();

    /** Plans by name; {@code free} allows one data source (of any type), {@code builder} lifts the cap. */
    @NotEmpty
    @Valid
    @JsonProperty
    private Map<String, PlanConfig> plans = defaultPlans();

    @Valid
    @NotNull
    @JsonProperty
    private PluginsConfig plugins = new PluginsConfig();

    /** Each connector's settings, by type id: {@code connectors.<type>.<key>}. */
    @NotNull
    @JsonProperty
    private Map<String, Map<String, Object>> connectors = Map.of();

    /** The URL clients reach this server at, for webhook URLs shown to users. */
    @NotEmpty
    @JsonProperty
    private String publicUrl = "http://127.0.0.1:8080";

    /** Request bodies larger than this are refused with 413. */
    @Min(1024)
    @Max(64 * 1024 * 1024)
    @JsonProperty
    private long maxRequestBytes = 1024 * 1024;

    private static Map<String, PlanConfig> defaultPlans() {
        Map<String, PlanConfig> plans = new LinkedHashMap<>();
        plans.put("free", new PlanConfig(1, Map.of()));
        plans.put("builder", new PlanConfig(null, Map.of()));
        return plans;
    }

    public DatabaseConfig database() {
        return database;
    }

    public SecurityConfig security() {
        return security;
    }

    public SchedulerConfig scheduler() {
        return scheduler;
    }

    public MirrorConfig mirror() {
        return mirror;
    }

    public HistoryConfig history() {
        return history;
    }

    public AuditConfig audit() {
        return audit;
    }

    public LimitsConfig limits() {
        return limits;
    }

    public Map<String, PlanConfig> plans() {
        return plans;
    }

    public PluginsConfig plugins() {
        return plugins;
    }

    public Map<String, Map<String, Object>> connectors() {
        return connectors;
    }

    public String publicUrl() {
        return publicUrl.replaceAll("/+$", "");
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    @JsonIgnore
    @AssertTrue(message = "needs a PostgreSQL URL: set database.url (TRIBUTARY_DATABASE_URL), "
            + "or use bin/tributary start-dev for an embedded development database")
    public boolean isDatabaseConfigured() {
        return !database.embedded() || database.allowEmbedded();
    }

    @JsonIgnore
    @AssertTrue(message = "needs the master key: set security.masterKey (TRIBUTARY_MASTER_KEY) to 32 random bytes in base64, "
            + "for example from: openssl rand -base64 32")
    public boolean isMasterKeyConfigured() {
        return !security.masterKey().isEmpty() || security.devMode();
    }

    @JsonIgnore
    @AssertTrue(message = "needs an admin token: set security.adminToken (TRIBUTARY_ADMIN_TOKEN), at least 24 characters")
    public boolean isAdminTokenConfigured() {
        return security.adminToken().length() >= 24 || (security.adminToken().isEmpty() && security.devMode());
    }

    @JsonIgnore
    @AssertTrue(message = "plans must include 'free', the plan of a workspace created without one")
    public boolean isFreePlanDefined() {
        return plans.containsKey("free");
    }
}
