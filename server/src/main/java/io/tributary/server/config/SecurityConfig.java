package io.tributary.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The secrets the server runs with: the master key that wraps every workspace's data key, keys
 * retired by a rotation (still able to unwrap), and the admin token. In development they may come
 * from a generated file instead ({@code devSecretsFile}).
 */
public class SecurityConfig {

    /** The master key, 32 bytes in base64 ({@code TRIBUTARY_MASTER_KEY}). */
    @JsonProperty
    private String masterKey = "";

    @JsonProperty
    private String masterKeyId = "primary";

    /** Master keys retired by a rotation, by id, base64. */
    @JsonProperty
    private Map<String, String> retiredMasterKeys = Map.of();

    /** The admin token ({@code TRIBUTARY_ADMIN_TOKEN}). */
    @JsonProperty
    private String adminToken = "";

    /** Development only: where to keep a generated master key and admin token. */
    @JsonProperty
    private String devSecretsFile = "";

    public String masterKey() {
        return masterKey == null ? "" : masterKey.trim();
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    public Map<String, String> retiredMasterKeys() {
        return retiredMasterKeys == null ? Map.of() : retiredMasterKeys;
    }

    public String adminToken() {
        return adminToken == null ? "" : adminToken.trim();
    }

    public String devSecretsFile() {
        return devSecretsFile == null ? "" : devSecretsFile.trim();
    }

    public boolean devMode() {
        return !devSecretsFile().isEmpty();
    }
}
