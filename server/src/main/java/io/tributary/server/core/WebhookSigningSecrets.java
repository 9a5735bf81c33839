package io.tributary.server.core;

import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.PreviousWebhookSecret;
import io.tributary.server.problems.Conflict;
import io.tributary.server.sources.StoredCredentials.OpenedSecret;
import io.tributary.server.sources.StoredCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each source's webhook signing secret, kept in memory once opened so that verifying a delivery
 * decrypts nothing: opened with one audited decryption the first time this node needs it (or
 * remembered from the request that set it), replaced when the stored ciphertext changes (on any
 * node, by new credentials or a data key rotation: it is compared with the row each delivery
 * reads), dropped when the source is deleted.
 */
public final class WebhookSigningSecrets {

    private final Map<String, OpenedSecret> opened = new ConcurrentHashMap<>();
    private final Map<String, OpenedSecret> previous = new ConcurrentHashMap<>();
    private final StoredCredentials stored;

    public WebhookSigningSecrets(StoredCredentials stored) {
        this.stored = stored;
    }

    /**
     * The source's signing secret.
     *
     * @param source a source with a webhook secret
     * @param actor who the decryption is audited for, when the secret must be opened
     * @throws io.tributary.server.sources.CredentialsUnreadable if the stored secret does not decrypt
     */
    public String secretOf(DataSourceRow source, String actor) {
        String ciphertext = source.webhookSecret();
        // compute holds this source's entry while it decrypts, so concurrent first deliveries open it once.
        return opened.compute(source.id(), (id, current) -> current != null && current.ciphertext().equals(ciphertext) ? current
                : open(id, actor)).secret();
    }

    /** A secret just set through the API: known in plain text, so nothing needs opening later. */
    public void remember(String dataSourceId, String ciphertext, String secret) {
        if (ciphertext == null) {
            opened.remove(dataSourceId);
        } else {
            opened.put(dataSourceId, new OpenedSecret(ciphertext, secret));
        }
    }

    public void forget(String dataSourceId) {
        opened.remove(dataSourceId);
        previous.remove(dataSourceId);
    }

    /**
     * The secrets a delivery may be signed with, newest first: the source's secret and, during the
     * overlap after it was replaced, the one before (opened once per node, with an audited decryption).
     *
     * @param replaced the replaced secret still accepted, as the delivery's read found it
     */
    public List<String> secretsOf(DataSourceRow source, Optional<PreviousWebhookSecret> replaced, String actor) {
        String current = secretOf(source, actor);
        if (replaced.isEmpty()) {
            previous.remove(source.id());
            return List.of(current);
        }
        OpenedSecret old = previous.compute(source.id(), (id, known) -> known != null && known.ciphertext().equals(replaced.get().ciphertext())
                ? known : stored.openPreviousWebhookSecret(id, replaced.get(), actor).orElseThrow());
        return List.of(current, old.secret());
    }

    // The secret as stored now, which the next delivery's row will name.
    private OpenedSecret open(String dataSourceId, String actor) {
        return stored.openWebhookSecret(dataSourceId, actor).orElseThrow(() -> new Conflict("webhooks_not_enabled", null,
                "This data source has no webhook signing secret: add one to receive webhooks"));
    }
}
