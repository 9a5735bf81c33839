package io.tributary.server.core;

import io.tributary.audit.AuditLog;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKeyRing;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The encryption and the audit log every one of its decryptions is written to, opened the one way
 * the server and its commands all open them: the audit log's seal key is decrypted first (before
 * the log exists), then the log is attached and that first decryption recorded in the server's chain.
 */
public record AuditedEncryption(EnvelopeEncryption encryption, AuditTrail audit) {

    /** @param actor who opens them, for the seal key's audit row: {@code system:startup}, a command's actor */
    public static AuditedEncryption open(Jdbi jdbi, MasterKeyRing masterKeys, Clock clock, String actor) {
        AuditTrail audit = new AuditTrail();
        EnvelopeEncryption encryption = new EnvelopeEncryption(masterKeys, audit);
        byte[] sealKey = ServerKeys.auditSealKey(jdbi, encryption, clock);
        audit.attach(new AuditLog(jdbi, clock, sealKey));
        audit.record(AuditTrail.SERVER_WORKSPACE, actor, "credential.decrypt", "server_secret:audit_seal_key",
                Map.of("field", "key", "outcome", "ok"));
        return new AuditedEncryption(encryption, audit);
    }
}
