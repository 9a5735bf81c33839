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
 * @param verificationFields the plain fields verifying a delivery reads (the connector's
 *     {@code Webhooks.verificationFields()}), given a value; also among {@code forOperations}
 */
public record SplitCredentials(Map<String, String> forOperations, String webhookSecret, Map<String, String> verificationFields) {

    public SplitCredentials {
        forOperations = Map.copyOf(forOperations);
        verificationFields = Map.copyOf(verificationFields);
    }

    /** Splits by the field the connector's webhooks capability names; without one, nothing is a signing secret. */
    public static SplitCredentials of(Map<String, String> fields, InstalledConnector connector) {
        Map<String, String> operations = new LinkedHashMap<>(fields);
        String secret = connector.signingSecretField().map(field -> operations.remove(field.name())).orElse(null);
        Map<String, String> verification = new LinkedHashMap<>();
        connector.webhooks().ifPresent(webhooks -> webhooks.verificationFields().forEach(name -> {
            String value = operations.get(name);
            if (value != null && !value.isBlank()) {
                verification.put(name, value);
            }
        }));
        return new SplitCredentials(operations, secret, verification);
    }

    @Override
    public String toString() {
        return "SplitCredentials[fields=" + forOperations.keySet() + ", webhookSecret=" + (webhookSecret == null ? "none" : "***")
                + ", verificationFields=" + verificationFields.keySet() + "]";
    }
}
