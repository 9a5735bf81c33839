package io.tributary.server.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's credential fields split in two, each stored as its own ciphertext: what operations use
 * (the API key), and the webhook signing secret, which verifying a delivery opens alone.
 *
 * @param forOperations every field but the signing secret
 * @param webhookSecret the signing secret, or null when the source takes no webhooks
 */
public record SplitCredentials(Map<String, String> forOperations, String webhookSecret) {

    /** The credential field holding a webhook signing secret. */
    public static final String WEBHOOK_SECRET_FIELD = "webhook_secret";

    public SplitCredentials {
        forOperations = Map.copyOf(forOperations);
    }

    public static SplitCredentials of(Map<String, String> fields) {
        Map<String, String> operations = new LinkedHashMap<>(fields);
        String secret = operations.remove(WEBHOOK_SECRET_FIELD);
        return new SplitCredentials(operations, secret);
    }

    @Override
    public String toString() {
        return "SplitCredentials[fields=" + forOperations.keySet() + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
