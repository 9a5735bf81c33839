package io.tributary.server.db;

import java.time.Instant;

/** A row of {@code data_source}; JSON columns as text. */
public record DataSourceRow(String id, String workspaceId, String type, String label, int cadenceMinutes, String credentials,
                            String credentialHints, boolean hasWebhookSecret, String status, String accountId, Boolean livemode,
                            String permissions, Instant lastRefreshAt, String lastErrorMessage, Instant createdAt,
                            Instant updatedAt) {

    /** Whether the source's credentials were rejected and it waits for new ones. */
    public boolean inError() {
        return "error".equals(status);
    }
}
