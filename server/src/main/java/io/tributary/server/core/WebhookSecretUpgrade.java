package io.tributary.server.core;

import io.tributary.connector.spi.Credentials;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.db.WorkspaceDao;
import io.tributary.server.db.WorkspaceRow;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the webhook signing secret of sources saved before it had a ciphertext of its own out of
 * their credentials, at start-up: one audited decryption per such source, once. Each source is
 * rewritten in one statement, so a server stopped midway finishes the rest on its next start.
 */
public final class WebhookSecretUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecretUpgrade.class);
    private static final String ACTOR = "system:webhookSecretUpgrade";

    private WebhookSecretUpgrade() {
    }

    /** Upgrades every such source; returns how many there were. */
    public static int run(Jdbi jdbi, CredentialVault vault, Clock clock) {
        List<DataSourceRow> legacy = jdbi.withExtension(DataSourceDao.class, DataSourceDao::withWebhookSecretInCredentials);
        for (DataSourceRow source : legacy) {
            WorkspaceRow workspace = jdbi.withExtension(WorkspaceDao.class, workspaces -> workspaces.find(source.workspaceId())).orElseThrow();
            Credentials all = vault.decrypt(workspace.id(), workspace.dataKey(), source.id(), source.credentials(), ACTOR);
            SplitCredentials split = SplitCredentials.of(all.values());
            String credentials = vault.encrypt(workspace.id(), workspace.dataKey(), source.id(), split.forOperations());
            String webhookSecret = split.webhookSecret() == null ? null
                    : vault.encryptWebhookSecret(workspace.id(), workspace.dataKey(), source.id(), split.webhookSecret());
            jdbi.useExtension(DataSourceDao.class, sources -> sources.update(
                    source.withCredentials(credentials, source.credentialHints(), webhookSecret, clock.instant())));
        }
        if (!legacy.isEmpty()) {
            LOG.info("Gave the webhook signing secrets of {} data source(s) a ciphertext of their own", legacy.size());
        }
        return legacy.size();
    }
}
