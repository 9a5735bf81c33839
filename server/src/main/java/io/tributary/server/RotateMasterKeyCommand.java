package io.tributary.server;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKeyRing;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.AuditTrail;
import io.tributary.server.core.AuditedEncryption;
import io.tributary.server.core.Database;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.ServerKeys;
import io.tributary.server.core.StandaloneDatabase;
import io.tributary.server.db.WorkspaceKeyDao;
import io.tributary.server.db.WorkspaceKeys;
import java.time.Clock;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code rotate-master-key <config>}: rewraps every data key (each workspace's, its next one while
 * a data key rotation runs, and the server's) under the configured master key, without touching a
 * single secret, and records the rotation in the server's audit chain. To rotate: make the new key
 * {@code security.masterKey}, list the old one under {@code security.retiredMasterKeys}, run this,
 * then drop the old key from the configuration.
 */
public final class RotateMasterKeyCommand extends ConfiguredCommand<TributaryConfiguration> {

    public static final String ACTOR = "system:rotateMasterKey";

    /** What a rotation rewrapped: the workspaces, and the data keys in all (the server's included). */
    public record Rewrapped(int workspaces, int dataKeys) {
    }

    public RotateMasterKeyCommand() {
        super("rotate-master-key", "Rewrap every data key under the current master key, then exit");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config)
            throws Exception {
        Secrets secrets = Secrets.resolve(config.security());
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Database.migrate(database.access());
            Rewrapped done = execute(Database.jdbi(database.dataSource()), secrets.masterKeys(), Clock.systemUTC());
            System.out.println("Rewrapped " + done.dataKeys() + " data key(s), of " + done.workspaces() + " workspace(s) and the server, "
                    + "under master key '" + secrets.masterKeys().current().keyId() + "'.");
        }
    }

    /** Opens the audit log as the server does, rewraps every data key, and records the rotation in the server's chain. */
    static Rewrapped execute(Jdbi jdbi, MasterKeyRing masterKeys, Clock clock) {
        AuditedEncryption audited = AuditedEncryption.open(jdbi, masterKeys, clock, ACTOR);
        Rewrapped done = rotate(jdbi, audited.encryption());
        String keyId = masterKeys.current().keyId();
        audited.audit().record(AuditTrail.SERVER_WORKSPACE, ACTOR, "master_key.rotate", "master_key:" + keyId, Map.of(
                "master_key", keyId, "data_keys", String.valueOf(done.dataKeys()), "workspaces", String.valueOf(done.workspaces())));
        return done;
    }

    /** Rewraps every data key, a workspace per transaction (its keys locked, so a data key rotation cannot interleave). */
    static Rewrapped rotate(Jdbi jdbi, EnvelopeEncryption encryption) {
        int workspaces = 0;
        int dataKeys = 0;
        for (String workspaceId : jdbi.withExtension(WorkspaceKeyDao.class, WorkspaceKeyDao::ids)) {
            int rewrapped = jdbi.inTransaction(handle -> {
                WorkspaceKeyDao keyDao = handle.attach(WorkspaceKeyDao.class);
                WorkspaceKeys keys = keyDao.lock(workspaceId).orElse(null);
                if (keys == null) {
                    return 0; // deleted meanwhile
                }
                String next = keys.rotating() ? rewrap(encryption, workspaceId, keys.nextDataKey()) : null;
                keyDao.rewrap(workspaceId, rewrap(encryption, workspaceId, keys.dataKey()), next);
                return keys.rotating() ? 2 : 1;
            });
            if (rewrapped > 0) {
                workspaces++;
                dataKeys += rewrapped;
            }
        }
        if (ServerKeys.rewrap(jdbi, encryption)) {
            dataKeys++;
        }
        return new Rewrapped(workspaces, dataKeys);
    }

    private static String rewrap(EnvelopeEncryption encryption, String workspaceId, String wrapped) {
        return encryption.rewrap(workspaceId, WrappedDataKey.parse(wrapped)).toText();
    }
}
