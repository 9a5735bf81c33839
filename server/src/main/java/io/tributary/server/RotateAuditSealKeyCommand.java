package io.tributary.server;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.tributary.audit.AuditLog;
import io.tributary.audit.SealKeys;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.server.config.TributaryConfiguration;
import io.tributary.server.core.AuditTrail;
import io.tributary.server.core.Database;
import io.tributary.server.core.Secrets;
import io.tributary.server.core.ServerKeys;
import io.tributary.server.core.StandaloneDatabase;
import java.time.Clock;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code rotate-audit-seal-key <config>}: adds a new audit seal key, which seals every head from
 * the servers' next start; heads sealed under older keys still verify (the keys are kept), and
 * each is resealed under the new key by its chain's next append. Recorded in the server's chain.
 */
public final class RotateAuditSealKeyCommand extends ConfiguredCommand<TributaryConfiguration> {

    public RotateAuditSealKeyCommand() {
        super("rotate-audit-seal-key", "Add a new audit seal key (heads are resealed under it as they move), then exit");
    }

    @Override
    protected void run(Bootstrap<TributaryConfiguration> bootstrap, Namespace namespace, TributaryConfiguration config) throws Exception {
        Secrets secrets = Secrets.resolve(config.security());
        try (StandaloneDatabase database = new StandaloneDatabase(config.database())) {
            Database.migrate(database.access());
            String id = rotate(Database.jdbi(database.dataSource()), new EnvelopeEncryption(secrets.masterKeys(), DecryptionListener.NONE),
                    Clock.systemUTC());
            System.out.println("Added audit seal key '" + id + "': restart every server to seal with it.");
        }
    }

    /** Adds the key and records it in the server's chain (sealed with the new key); returns its id. */
    static String rotate(Jdbi jdbi, EnvelopeEncryption encryption, Clock clock) {
        String id = ServerKeys.addAuditSealKey(jdbi, encryption, clock);
        SealKeys keys = ServerKeys.auditSealKeys(jdbi, encryption, clock, "system:rotateAuditSealKey");
        new AuditLog(jdbi, clock, keys).append(new io.tributary.audit.AuditEntry(AuditTrail.SERVER_WORKSPACE,
                "system:rotateAuditSealKey", "audit_seal_key.rotate", "server_secret:" + ServerKeys.sealKeySecretName(id),
                Map.of("key_id", id)));
        return id;
    }
}
