package io.tributary.server.core;

import io.tributary.audit.SealKeys;
import io.tributary.crypto.EncryptedSecret;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.SecretContext;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.db.ServerSecretDao;
import io.tributary.server.db.ServerSecretDao.NamedSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keys the server keeps for itself. The audit log's seal keys are random, stored encrypted under the
 * server's own data key (wrapped by the master key like any workspace's), so rotating the master
 * key rewraps them and old seals keep verifying. The first seal key is {@code audit_seal_key}
 * (id {@link SealKeys#INITIAL}); each rotation adds {@code audit_seal_key:<id>}, and the newest
 * seals. The first node to start creates them; others read what it stored.
 */
public final class ServerKeys {

    private static final String DATA_KEY = "server_data_key";
    private static final String AUDIT_SEAL_KEY = "audit_seal_key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerKeys() {
    }

    /**
     * Every audit seal key, the first created on first start. Each decryption is reported to the
     * encryption's listener as {@code requestedBy}.
     */
    public static SealKeys auditSealKeys(Jdbi jdbi, EnvelopeEncryption encryption, Clock clock, String requestedBy) {
        return jdbi.inTransaction(handle -> {
            ServerSecretDao secrets = handle.attach(ServerSecretDao.class);
            WrappedDataKey dataKey = dataKey(handle, encryption, clock);
            if (secrets.find(AUDIT_SEAL_KEY).isEmpty()) {
                secrets.insertIfAbsent(AUDIT_SEAL_KEY, encryption.encrypt(context(AUDIT_SEAL_KEY), dataKey, fresh()).toText(), clock.instant());
            }
            List<NamedSecret> stored = secrets.named(AUDIT_SEAL_KEY);
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (NamedSecret secret : stored) {
                keys.put(idOf(secret.name()), encryption.decrypt(context(secret.name()), dataKey, EncryptedSecret.parse(secret.wrappedKey()),
                        requestedBy));
            }
            return new SealKeys(idOf(stored.get(stored.size() - 1).name()), keys);
        });
    }

    /** Adds a seal key, which seals from the next start on; returns its id. */
    public static String addAuditSealKey(Jdbi jdbi, EnvelopeEncryption encryption, Clock clock) {
        return jdbi.inTransaction(handle -> {
            ServerSecretDao secrets = handle.attach(ServerSecretDao.class);
            WrappedDataKey dataKey = dataKey(handle, encryption, clock);
            String id = "k" + (secrets.named(AUDIT_SEAL_KEY).size() + 1);
            String name = AUDIT_SEAL_KEY + ":" + id;
            if (secrets.insertIfAbsent(name, encryption.encrypt(context(name), dataKey, fresh()).toText(), clock.instant()) == 0) {
                throw new IllegalStateException("Another rotation of the audit seal key is running");
            }
            return id;
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

    private static WrappedDataKey dataKey(Handle handle, EnvelopeEncryption encryption, Clock clock) {
        ServerSecretDao secrets = handle.attach(ServerSecretDao.class);
        if (secrets.find(DATA_KEY).isEmpty()) {
            secrets.insertIfAbsent(DATA_KEY, encryption.newDataKey(AuditTrail.SERVER_WORKSPACE).toText(), clock.instant());
        }
        return WrappedDataKey.parse(secrets.find(DATA_KEY).orElseThrow());
    }

    /** The secret's name is its record in the associated data, so one key's ciphertext cannot pass for another's. */
    private static SecretContext context(String name) {
        return new SecretContext(AuditTrail.SERVER_WORKSPACE, name, "key");
    }

    /** Where a seal key is stored, as audit rows name it. */
    public static String sealKeySecretName(String id) {
        return id.equals(SealKeys.INITIAL) ? AUDIT_SEAL_KEY : AUDIT_SEAL_KEY + ":" + id;
    }

    private static String idOf(String name) {
        return name.equals(AUDIT_SEAL_KEY) ? SealKeys.INITIAL : name.substring(AUDIT_SEAL_KEY.length() + 1);
    }

    private static byte[] fresh() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
