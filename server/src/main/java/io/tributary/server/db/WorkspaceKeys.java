package io.tributary.server.db;

/**
 * A workspace's wrapped data keys, in their text form: the current one and, while a rotation runs,
 * the next one. A source's ciphertexts are under one of the two, and name which.
 *
 * @param dataKey     the current data key
 * @param nextDataKey the key a rotation in progress moves every source to; null when none runs
 */
public record WorkspaceKeys(String workspaceId, String dataKey, String nextDataKey) {

    /** Whether a rotation is in progress. */
    public boolean rotating() {
        return nextDataKey != null;
    }

    /** The key new ciphertexts are written under: the next one during a rotation, so the rotation never falls behind. */
    public String writeKey() {
        return rotating() ? nextDataKey : dataKey;
    }

    /** Names only: wrapped keys have no business in logs. */
    @Override
    public String toString() {
        return "WorkspaceKeys[workspaceId=" + workspaceId + ", rotating=" + rotating() + "]";
    }
}
