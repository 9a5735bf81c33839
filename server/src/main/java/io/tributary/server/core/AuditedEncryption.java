package io.tributary.server.core;

import io.tributary.audit.AuditLog;
import io.tributary.audit.SealKeys;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.MasterKeyRing;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The encryption and the audit log every one of its decryptions is written to, opened the one way
 * the server and its commands all open them: the audit log's seal keys are decrypted first (before
 * the log exists), then the log is attached and those first decryptions recorded in the server's chain.
 */
public record AuditedEncryption(EnvelopeEncryption encryption, AuditTrail audit) {

    /** @param actor who opens them, for the seal keys' audit rows: {@code system:startup}, a command's actor */
    public static AuditedEncryption open(Jdbi jdbi, MasterKeyRing masterKeys, Clock clock, String actor) {
        AuditTrail audit = new AuditTrail();
        EnvelopeEncryption encryption = new EnvelopeEncryption(masterKeys, audit);
        SealKeyLoader sealKeys = new SealKeyLoader(jdbi, masterKeys, clock, audit);
        SealKeys keys = sealKeys.atStartUp();
        audit.attach(new AuditLog(jdbi, clock, keys, sealKeys));
        sealKeys.recordUse(keys, actor);
        return new AuditedEncryption(encryption, audit);
    }
}
