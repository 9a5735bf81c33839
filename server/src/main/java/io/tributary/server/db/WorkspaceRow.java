package io.tributary.server.db;

import java.time.Instant;

/** A row of {@code workspace}. */
public record WorkspaceRow(String id, String name, String plan, String dataKey, Instant createdAt) {
}
