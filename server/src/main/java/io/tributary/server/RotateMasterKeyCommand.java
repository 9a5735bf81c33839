package io.tributary.server;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.Database;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.ServerKeys;
import io.tributary.server.core.StandaloneDatabase;
import io.tributary.server.db.WorkspaceKeyDao;
import io.tributary.server.db.WorkspaceKeys;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code rotate-master-key <config>}: rewraps every data key (each workspace's, its next one while
 * a data key rotation runs, and the server's) under the configured master key, without touching a
 * single secret. To rotate: make the new key {@code security.masterKey}, list the old one under
 * {@code security.retiredMasterKeys}, run this, then drop the old key from the configuration.
 */
public final class RotateMasterKeyCommand extends ConfiguredCommand<TributaryConfiguration> {

    public RotateMasterKeyCommand() {
        super("rotate-master-key", "Rewrap every data key under the current master key, then exit");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config)
            throws Exception {
        Secrets secrets = Secrets.resolve(config.security());
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Database.migrate(database.access());
            int rewrapped = rotate(Database.jdbi(database.dataSource()), new EnvelopeEncryption(secrets.masterKeys(), DecryptionListener.NONE));
            System.out.println("Rewrapped " + rewrapped + " workspace data key(s) and the server's own under master key '"
                    + secrets.masterKeys().current().keyId() + "'.");
        }
    }

    /** Rewraps every data key, a workspace per transaction (its keys locked); returns how many workspaces it rewrapped. */
    static int rotate(Jdbi jdbi, EnvelopeEncryption encryption) {
        int count = 0;
        for (String workspaceId : jdbi.withExtension(WorkspaceKeyDao.class, WorkspaceKeyDao::ids)) {
            boolean rewrapped = jdbi.inTransaction(handle -> {
                WorkspaceKeyDao keyDao = handle.attach(WorkspaceKeyDao.class);
                WorkspaceKeys keys = keyDao.lock(workspaceId).orElse(null);
                if (keys == null) {
                    return false; // deleted meanwhile
                }
                String next = keys.rotating() ? rewrap(encryption, workspaceId, keys.nextDataKey()) : null;
                keyDao.rewrap(workspaceId, rewrap(encryption, workspaceId, keys.dataKey()), next);
                return true;
            });
            if (rewrapped) {
                count++;
            }
        }
        ServerKeys.rewrap(jdbi, encryption);
        return count;
    }

    private static String rewrap(EnvelopeEncryption encryption, String workspaceId, String wrapped) {
        return encryption.rewrap(workspaceId, WrappedDataKey.parse(wrapped)).toText();
    }
}
