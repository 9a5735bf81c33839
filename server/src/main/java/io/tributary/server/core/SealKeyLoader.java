package io.tributary.server.core;

import io.tributary.audit.SealKeys;
import io.tributary.crypto.DecryptionListener;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKeyRing;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads the audit seal keys and records each decryption in the server's chain. The keys are
 * opened before the log can record anything (at start-up) or while an append holds a chain's lock
 * (a reload after another node rotated them), so the rows are recorded afterwards: at start-up once
 * the log is attached, on reload from another thread, which waits for that lock instead of
 * deadlocking on it.
 */
public final class SealKeyLoader implements Supplier<SealKeys> {

    private final Jdbi jdbi;
    private final EnvelopeEncryption quiet;
    private final Clock clock;
    private final AuditTrail audit;

    public SealKeyLoader(Jdbi jdbi, MasterKeyRing masterKeys, Clock clock, AuditTrail audit) {
        this.jdbi = jdbi;
        this.quiet = new EnvelopeEncryption(masterKeys, DecryptionListener.NONE);
        this.clock = clock;
        this.audit = audit;
    }

    /** The keys at start-up; record their use with {@link #recordUse} once the log is attached. */
    public SealKeys atStartUp() {
        return ServerKeys.auditSealKeys(jdbi, quiet, clock, "system:startup");
    }

    /** Loads the keys again, recording their use from another thread. */
    @Override
    public SealKeys get() {
        SealKeys keys = ServerKeys.auditSealKeys(jdbi, quiet, clock, "system:sealKeyReload");
        CompletableFuture.runAsync(() -> recordUse(keys, "system:sealKeyReload"));
        return keys;
    }

    public void recordUse(SealKeys keys, String actor) {
        keys.ids().forEach(id -> audit.record(AuditTrail.SERVER_WORKSPACE, actor, "credential.decrypt",
                "server_secret:" + ServerKeys.sealKeySecretName(id), Map.of("field", "key", "outcome", "ok")));
    }
}
