package io.tributary.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.Credentials;
import io.tributary.crypto.EncryptedSecret;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.SecretContext;
import io.tributary.crypto.WrappedDataKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encrypts and decrypts a data source's credentials under the workspace's data key, bound to the
 * workspace and the data source, so a ciphertext copied to another row does not open. The fields
 * operations use are one ciphertext (one use, one decryption, one audit row); the webhook signing
 * secret is another, with its own associated data, so verifying a delivery never opens the API key.
 */
public final class CredentialVault {

    private static final String FIELD = "credentials";
    private static final String WEBHOOK_SECRET_FIELD = "webhook_secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnvelopeEncryption encryption;

    public CredentialVault(EnvelopeEncryption encryption) {
        this.encryption = encryption;
    }

    public EnvelopeEncryption encryption() {
        return encryption;
    }

    public String encrypt(String workspaceId, String dataKey, String dataSourceId, Map<String, String> credentials) {
        try {
            String json = JSON.writeValueAsString(new TreeMap<>(credentials));
            return encryption.encryptString(context(workspaceId, dataSourceId), WrappedDataKey.parse(dataKey), json).toText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    /**
     * Decrypts, reporting the decryption (and so auditing it) with who asked.
     *
     * @param requestedBy the actor: {@code token:<id>}, {@code system:scheduledRunner}, ...
     */
    public Credentials decrypt(String workspaceId, String dataKey, String dataSourceId, String ciphertext, String requestedBy) {
        String json = encryption.decryptString(context(workspaceId, dataSourceId), WrappedDataKey.parse(dataKey),
                EncryptedSecret.parse(ciphertext), requestedBy);
        try {
            return new Credentials(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored credentials are not a JSON object", e);
        }
    }

    public String encryptWebhookSecret(String workspaceId, String dataKey, String dataSourceId, String secret) {
        return encryption.encryptString(webhookContext(workspaceId, dataSourceId), WrappedDataKey.parse(dataKey), secret).toText();
    }

    /** Decrypts the webhook signing secret alone, reporting (and so auditing) the decryption. */
    public String decryptWebhookSecret(String workspaceId, String dataKey, String dataSourceId, String ciphertext, String requestedBy) {
        return encryption.decryptString(webhookContext(workspaceId, dataSourceId), WrappedDataKey.parse(dataKey),
                EncryptedSecret.parse(ciphertext), requestedBy);
    }

    private static SecretContext context(String workspaceId, String dataSourceId) {
        return new SecretContext(workspaceId, "data_source:" + dataSourceId, FIELD);
    }

    private static SecretContext webhookContext(String workspaceId, String dataSourceId) {
        return new SecretContext(workspaceId, "data_source:" + dataSourceId, WEBHOOK_SECRET_FIELD);
    }
}
