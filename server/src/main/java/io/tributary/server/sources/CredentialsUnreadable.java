package io.tributary.server.sources;

import io.tributary.crypto.CryptoErrorCode;
import io.tributary.server.problems.Conflict;

/**
 * A source's stored credentials (or its webhook signing secret) did not decrypt: tampered with,
 * copied back from an older version, or under a key that is gone. The failed attempt is already
 * audited; the answer is a conflict, {@code credentials_unreadable}, and new credentials fix it.
 */
public final class CredentialsUnreadable extends Conflict {

    private static final long serialVersionUID = 1L;

    private final String dataSourceId;
    private final CryptoErrorCode reason;

    public CredentialsUnreadable(String dataSourceId, boolean webhookSecret, CryptoErrorCode reason) {
        super("credentials_unreadable", webhookSecret ? "credentials.webhookSecret" : "credentials", "The stored "
                + (webhookSecret ? "webhook signing secret" : "credentials") + " of data source " + dataSourceId
                + " could not be decrypted (" + reason + "): set " + (webhookSecret ? "it" : "them") + " again");
        this.dataSourceId = dataSourceId;
        this.reason = reason;
    }

    public String dataSourceId() {
        return dataSourceId;
    }

    public CryptoErrorCode reason() {
        return reason;
    }
}
