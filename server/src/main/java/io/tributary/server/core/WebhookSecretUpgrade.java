package io.tributary.server.core;

import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.host.InstalledConnector;
import io.tributary.server.db.DataSourceDao;
import io.tributary.server.db.DataSourceRow;
import io.tributary.server.sources.CredentialsUnreadable;
import io.tributary.server.sources.SplitCredentials;
import io.tributary.server.sources.StoredCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the webhook signing secret of sources saved before it had a ciphertext of its own out of
 * their credentials, at start-up: one audited decryption per such source, once. Each source is
 * rewritten in a transaction of its own (at its next credential version), so a server stopped
 * midway finishes the rest on its next start. A source whose credentials do not open is left as
 * it is, with a warning: new credentials fix it.
 */
public final class WebhookSecretUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecretUpgrade.class);
    private static final String ACTOR = "system:webhookSecretUpgrade";

    private WebhookSecretUpgrade() {
    }

    /** Upgrades every such source; returns how many it upgraded. */
    public static int run(Jdbi jdbi, ConnectorRegistry connectors, StoredCredentials stored, Clock clock) {
        List<DataSourceRow> legacy = jdbi.withExtension(DataSourceDao.class, DataSourceDao::withWebhookSecretInCredentials);
        int upgraded = 0;
        for (DataSourceRow row : legacy) {
            String id = row.id();
            Optional<InstalledConnector> connector = connectors.find(row.type()).filter(InstalledConnector::acceptsWebhooks);
            if (connector.isEmpty()) {
                LOG.warn("Data source {} keeps its webhook signing secret inside its credentials: its connector '{}' is not "
                        + "installed or takes no webhooks", id, row.type());
                continue;
            }
            try {
                if (stored.rewrite(id, clock.instant(), (source, keys) -> {
                    if (!source.hasWebhookSecret() || source.webhookSecret() != null) {
                        return Optional.empty(); // another node moved it meanwhile
                    }
                    SplitCredentials split = SplitCredentials.of(stored.vault().open(source, ACTOR).values(), connector.get());
                    return Optional.of(stored.vault().seal(source.workspaceId(), source.dataSourceId(), keys.writeKey(),
                            source.credentialVersion() + 1, split));
                })) {
                    upgraded++;
                }
            } catch (CredentialsUnreadable e) {
                LOG.warn("The webhook signing secret of data source {} stays inside its credentials: {}", id, e.getMessage());
            }
        }
        if (upgraded > 0) {
            LOG.info("Gave the webhook signing secrets of {} data source(s) a ciphertext of their own", upgraded);
        }
        return upgraded;
    }
}
