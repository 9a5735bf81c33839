package io.tributary.server.webhooks;

import io.tributary.server.core.CredentialVault;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.WorkspaceDao;
import io.tributary.server.db.WorkspaceRow;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Each source's webhook signing secret, kept in memory once opened so that verifying a delivery
 * decrypts nothing: opened with one audited decryption the first time this node needs it (or
 * remembered from the request that set it), replaced when the stored ciphertext changes (on any
 * node: it is compared with the row each delivery reads), dropped when the source is deleted.
 */
public final class WebhookSigningSecrets {

    private record Opened(String ciphertext, String secret) {
    }

    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final CredentialVault vault;

    public WebhookSigningSecrets(Jdbi jdbi, CredentialVault vault) {
        this.jdbi = jdbi;
        this.vault = vault;
    }

    /**
     * The source's signing secret.
     *
     * @param source a source with a webhook secret
     * @param actor who the decryption is audited for, when the secret must be opened
     */
    public String secretOf(DataSourceRow source, String actor) {
        String ciphertext = source.webhookSecret();
        // compute holds this source's entry while it decrypts, so concurrent first deliveries open it once.
        return opened.compute(source.id(), (id, current) -> current != null && current.ciphertext().equals(ciphertext) ? current
                : new Opened(ciphertext, decrypt(source, actor))).secret();
    }

    /** A secret just set through the API: known in plain text, so nothing needs opening later. */
    public void remember(String dataSourceId, String ciphertext, String secret) {
        if (ciphertext == null) {
            opened.remove(dataSourceId);
        } else {
            opened.put(dataSourceId, new Opened(ciphertext, secret));
        }
    }

    public void forget(String dataSourceId) {
        opened.remove(dataSourceId);
    }

    private String decrypt(DataSourceRow source, String actor) {
        WorkspaceRow workspace = jdbi.withExtension(WorkspaceDao.class, workspaces -> workspaces.find(source.workspaceId()))
                .orElseThrow(() -> new IllegalStateException("A data source without its workspace"));
        return vault.decryptWebhookSecret(workspace.id(), workspace.dataKey(), source.id(), source.webhookSecret(), actor);
    }
}
