package io.tributary.server.core;

import io.tributary.audit.AuditEntry;
import io.tributary.audit.AuditLog;
import io.tributary.crypto.DecryptionEvent;
import io.tributary.crypto.DecryptionListener;
import io.tributary.server.sources.VersionedField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The server's one way into the audit log: what people and the system did, and every decryption of
 * a secret, reported by the crypto module's single decryption path.
 */
public final class AuditTrail implements DecryptionListener {

    /** The chain of the server's own events (key use at start-up and by commands, master key rotation). */
    public static final String SERVER_WORKSPACE = "_server";

    private volatile AuditLog log;

    /** Connects the trail to the log once it exists (the log's seal key is itself decrypted first). */
    public void attach(AuditLog auditLog) {
        this.log = auditLog;
    }

    public AuditLog log() {
        AuditLog current = log;
        if (current == null) {
            throw new IllegalStateException("The audit log is not open yet");
        }
        return current;
    }

    public void record(String workspace, String actor, String action, String target, Map<String, String> detail) {
        log().append(new AuditEntry(workspace, actor, action, target, detail));
    }

    /** Records inside the caller's transaction, so the row commits or rolls back with the change. */
    public void record(Handle handle, String workspace, String actor, String action, String target, Map<String, String> detail) {
        log().append(handle, new AuditEntry(workspace, actor, action, target, detail));
    }

    @Override
    public void onDecryption(DecryptionEvent event) {
        AuditLog current = log;
        if (current == null) {
            // Only the audit seal key itself is decrypted before the log exists; ServerKeys records
            // that use once the log is open.
            return;
        }
        Map<String, String> detail = new LinkedHashMap<>();
        VersionedField field = VersionedField.parse(event.fieldName());
        detail.put("field", field.name());
        if (field.version() > 0) {
            detail.put("credential_version", String.valueOf(field.version()));
        }
        detail.put("data_key", event.dataKeyId());
        detail.put("outcome", event.succeeded() ? "ok" : "failed:" + event.failureCode());
        current.append(new AuditEntry(event.workspaceId(), event.requestedBy(), "credential.decrypt",
                event.recordId(), detail));
    }
}
