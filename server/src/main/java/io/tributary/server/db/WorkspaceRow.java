package io.tributary.server.db;

import java.time.Instant;

/** A row of {@code workspace}, without its data keys (see {@link WorkspaceKeys}). */
public record WorkspaceRow(String id, String name, String plan, Instant createdAt) {
}
