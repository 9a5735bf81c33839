package io.tributary.server.db;

/**
 * A source's stored credentials with its workspace's keys, as one statement read them, so the key
 * each ciphertext names is among the keys read with it even while a rotation runs.
 *
 * @param credentialVersion bound into the ciphertexts' associated data; 0 for sources stored before versions
 * @param dataKeyId         the data key both ciphertexts are under (the id they name)
 * @param credentials       the ciphertext of every credential field but the webhook signing secret
 * @param webhookSecret     the signing secret's ciphertext, or null
 * @param hasWebhookSecret  set with a null {@code webhookSecret} by sources whose secret still sits in {@code credentials}
 */
public record SourceCiphertexts(String dataSourceId, String workspaceId, int credentialVersion, String dataKeyId, String credentials,
                                String webhookSecret, boolean hasWebhookSecret, String dataKey, String nextDataKey) {

    public WorkspaceKeys keys() {
        return new WorkspaceKeys(workspaceId, dataKey, nextDataKey);
    }

    /** Ids and the version only. */
    @Override
    public String toString() {
        return "SourceCiphertexts[dataSourceId=" + dataSourceId + ", workspaceId=" + workspaceId + ", credentialVersion="
                + credentialVersion + ", dataKeyId=" + dataKeyId + "]";
    }
}
