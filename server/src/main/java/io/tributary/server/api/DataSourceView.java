package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.connector.spi.CapabilityStatus;
import io.tributary.server.db.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A data source as the API shows it. Credentials are write-only: only each secret field's kind and
 * last four characters come back.
 *
 * @param mode {@code push} when a webhook secret is set (refreshed within seconds of an event), else {@code cron}
 * @param status {@code active}, or {@code error} when the provider rejected the credentials
 * @param webhookUrl where to point the provider's webhooks; null for a connector that takes none
 * @param permissions what the credentials could serve at their last check
 * @param datasets the streams mirrored into datasets; their state is at {@code .../datasets}
 * @param refusedWebhooks deliveries to {@code webhookUrl} refused for a bad, missing or stale signature
 * @param generatedSecrets the secrets the server generated for fields left empty, by field name:
 *     only in the answer that created the source, the one time they are shown; absent otherwise
 */
public record DataSourceView(String id,
                             String type,
                             String label,
                             int cadenceMinutes,
                             String mode,
                             SourceStatus status,
                             @Schema(nullable = true) Boolean livemode,
                             @Schema(nullable = true) String accountId,
                             @Schema(nullable = true) Instant lastRefreshAt,
                             @Schema(nullable = true) String lastErrorMessage,
                             @Schema(nullable = true) String webhookUrl,
                             List<CapabilityStatus> permissions,
                             Map<String, CredentialHint> credentials,
                             List<String> warnings,
                             List<String> datasets,
                             RefusedWebhooks refusedWebhooks,
                             Instant createdAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Map<String, String> generatedSecrets) {

    /** This view with the secrets generated at its creation, to be shown once. */
    public DataSourceView withGeneratedSecrets(Map<String, String> secrets) {
        return new DataSourceView(id, type, label, cadenceMinutes, mode, status, livemode, accountId, lastRefreshAt, lastErrorMessage,
                webhookUrl, permissions, credentials, warnings, datasets, refusedWebhooks, createdAt,
                secrets.isEmpty() ? null : Map.copyOf(secrets));
    }

    /**
     * Webhook deliveries refused for their signature: many mean a wrong secret, or someone forging.
     *
     * @param count how many, since the source was created
     * @param lastAt when the last came, or null
     */
    public record RefusedWebhooks(long count, @Schema(nullable = true) Instant lastAt) {
    }

    /**
     * What may be shown of a secret.
     *
     * @param kind the prefix the connector declares as not secret (the value's kind), such as {@code rk_live_}, or empty
     * @param last4 its last four characters, or empty when the secret after that prefix is shorter than 16 characters
     */
    public record CredentialHint(String kind, String last4) {
    }
}
