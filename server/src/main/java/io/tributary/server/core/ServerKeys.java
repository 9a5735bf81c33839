package io.tributary.server.core;

import io.tributary.crypto.EncryptedSecret;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.SecretContext;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.db.ServerSecretDao;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Keys the server keeps for itself. The audit log's seal key is random, stored encrypted under the
 * server's own data key (wrapped by the master key like any workspace's), so rotating the master
 * key rewraps it and old seals keep verifying. The first node to start creates them; others read
 * what it stored.
 */
public final class ServerKeys {

    private static final String DATA_KEY = "server_data_key";
    private static final String AUDIT_SEAL_KEY = "audit_seal_key";
    private static final SecretContext SEAL_CONTEXT = new SecretContext(AuditTrail.SERVER_WORKSPACE, "audit_seal_key", "key");

    private ServerKeys() {
    }

    /** The audit seal key, created on first start. Its decryption is reported to the encryption's listener. */
    public static byte[] auditSealKey(Jdbi jdbi, EnvelopeEncryption encryption, Clock clock) {
        return jdbi.inTransaction(handle -> {
            ServerSecretDao secrets = handle.attach(ServerSecretDao.class);
            String wrappedDataKey = secrets.find(DATA_KEY).orElse(null);
            if (wrappedDataKey == null) {
                secrets.insertIfAbsent(DATA_KEY, encryption.newDataKey(AuditTrail.SERVER_WORKSPACE).toText(), clock.instant());
                wrappedDataKey = secrets.find(DATA_KEY).orElseThrow();
            }
            WrappedDataKey dataKey = WrappedDataKey.parse(wrappedDataKey);
            if (secrets.find(AUDIT_SEAL_KEY).isEmpty()) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                secrets.insertIfAbsent(AUDIT_SEAL_KEY, encryption.encrypt(SEAL_CONTEXT, dataKey, fresh).toText(), clock.instant());
            }
            EncryptedSecret sealKey = EncryptedSecret.parse(secrets.find(AUDIT_SEAL_KEY).orElseThrow());
            return encryption.decrypt(SEAL_CONTEXT, dataKey, sealKey, "system:startup");
        });
    }

    /** Rewraps the server's data key under the current master key; returns whether there was one. */
    public static boolean rewrap(Jdbi jdbi, EnvelopeEncryption encryption) {
        return jdbi.inTransaction(handle -> {
            ServerSecretDao secrets = handle.attach(ServerSecretDao.class);
            Optional<String> wrapped = secrets.find(DATA_KEY);
            wrapped.ifPresent(key -> secrets.update(DATA_KEY, encryption.rewrap(AuditTrail.SERVER_WORKSPACE, WrappedDataKey.parse(key)).toText()));
            return wrapped.isPresent();
        });
    }
}
