package io.tributary.server.sources;

import io.tributary.connector.host.InstalledConnector;
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

    public SplitCredentials {
        forOperations = Map.copyOf(forOperations);
    }

    /** Splits by the field the connector's webhooks capability names; without one, nothing is a signing secret. */
    public static SplitCredentials of(Map<String, String> fields, InstalledConnector connector) {
        Map<String, String> operations = new LinkedHashMap<>(fields);
        String secret = connector.signingSecretField().map(field -> operations.remove(field.name())).orElse(null);
        return new SplitCredentials(operations, secret);
    }

    @Override
    public String toString() {
        return "SplitCredentials[fields=" + forOperations.keySet() + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
