package io.tributary.server.sources;

import io.tributary.crypto.CryptoErrorCode;
import io.tributary.server.errors.ApiException;

/**
 * A source's stored credentials (or its webhook signing secret) did not decrypt: tampered with,
 * copied back from an older version, or under a key that is gone. The failed attempt is already
 * audited; the answer is 409 {@code credentials_unreadable}, and new credentials fix it.
 */
public final class CredentialsUnreadable extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String dataSourceId;
    private final CryptoErrorCode reason;

    public CredentialsUnreadable(String dataSourceId, boolean webhookSecret, CryptoErrorCode reason) {
        super(409, "credentials_unreadable", "The stored " + (webhookSecret ? "webhook signing secret" : "credentials")
                + " of data source " + dataSourceId + " could not be decrypted (" + reason + "): set "
                + (webhookSecret ? "it" : "them") + " again", webhookSecret ? "credentials.webhookSecret" : "credentials");
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
