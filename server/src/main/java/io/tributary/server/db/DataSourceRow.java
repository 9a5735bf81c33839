package io.tributary.server.db;

import java.time.Instant;

/**
 * A row of {@code data_source}; JSON columns as text.
 *
 * @param credentials the ciphertext of every credential field but the webhook signing secret
 * @param webhookSecret the signing secret's own ciphertext, or null when webhooks are off
 * @param webhooksRefused deliveries refused for a bad, missing or stale signature (read only)
 * @param webhookLastRefusedAt when the last of those came (read only)
 */
public record DataSourceRow(String id, String workspaceId, String type, String label, int cadenceMinutes, String credentials,
                            String credentialHints, String webhookSecret, SourceStatus status, String accountId, Boolean livemode,
                            String permissions, Instant lastRefreshAt, String lastErrorMessage, Instant createdAt,
                            Instant updatedAt, long webhooksRefused, Instant webhookLastRefusedAt) {

    /** Whether the source's credentials were rejected and it waits for new ones. */
    public boolean inError() {
        return status == SourceStatus.ERROR;
    }

    /** Whether the provider may push signed events (push mode). */
    public boolean hasWebhookSecret() {
        return webhookSecret != null;
    }

    /** The same source with other settings. */
    public DataSourceRow withSettings(String newLabel, int newCadenceMinutes, Instant at) {
        return new DataSourceRow(id, workspaceId, type, newLabel, newCadenceMinutes, credentials, credentialHints, webhookSecret,
                status, accountId, livemode, permissions, lastRefreshAt, lastErrorMessage, createdAt, at, webhooksRefused,
                webhookLastRefusedAt);
    }

    /** The same source with new credentials, as checked with the provider. */
    public DataSourceRow withCredentials(String newCredentials, String newHints, String newWebhookSecret, Instant at) {
        return new DataSourceRow(id, workspaceId, type, label, cadenceMinutes, newCredentials, newHints, newWebhookSecret,
                status, accountId, livemode, permissions, lastRefreshAt, lastErrorMessage, createdAt, at, webhooksRefused,
                webhookLastRefusedAt);
    }

    /** The same source after a check with the provider: its status, error, account and capabilities. */
    public DataSourceRow withCheck(SourceStatus newStatus, String error, String newAccountId, Boolean newLivemode, String newPermissions,
                                   Instant at) {
        return new DataSourceRow(id, workspaceId, type, label, cadenceMinutes, credentials, credentialHints, webhookSecret,
                newStatus, newAccountId, newLivemode, newPermissions, lastRefreshAt, error, createdAt, at, webhooksRefused,
                webhookLastRefusedAt);
    }
}
