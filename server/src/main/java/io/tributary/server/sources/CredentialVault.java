package io.tributary.server.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connector.spi.Credentials;
import io.tributary.crypto.CryptoException;
import io.tributary.crypto.EncryptedSecret;
import io.tributary.crypto.EnvelopeEncryption;
import io.tributary.crypto.SecretContext;
import io.tributary.crypto.WrappedDataKey;
import io.tributary.server.db.SealedCredentials;
import io.tributary.server.db.SourceCiphertexts;
import io.tributary.server.db.WorkspaceKeys;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encrypts and decrypts a data source's credentials under its workspace's data key, bound to the
 * workspace, the data source and the source's credential version, so a ciphertext copied to
 * another row, or an older one copied back into its own, does not open. The fields operations use
 * are one ciphertext (one use, one decryption, one audit row); the webhook signing secret is
 * another, with its own associated data, so verifying a delivery never opens the API key.
 *
 * <p>A ciphertext is opened with whichever of the workspace's keys it names: during a data key
 * rotation a source may be under the current key or the next one.
 */
public final class CredentialVault {

    /** The credential version of a new source. */
    public static final int FIRST_VERSION = 1;

    private static final String FIELD = "credentials";
    /** The signing secret's label in its ciphertext's associated data: the same for every connector, whatever its field is called. */
    private static final String SIGNING_SECRET_LABEL = "webhook_secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnvelopeEncryption encryption;

    public CredentialVault(EnvelopeEncryption encryption) {
        this.encryption = encryption;
    }

    /** Seals both ciphertexts at {@code version} under {@code dataKey} (the workspace's write key). */
    public SealedCredentials seal(String workspaceId, String dataSourceId, String dataKey, int version, SplitCredentials split) {
        WrappedDataKey key = WrappedDataKey.parse(dataKey);
        String credentials;
        try {
            String json = JSON.writeValueAsString(new TreeMap<>(split.forOperations()));
            credentials = encryption.encryptString(context(workspaceId, dataSourceId, FIELD, version), key, json).toText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
        String webhookSecret = split.webhookSecret() == null ? null
                : encryption.encryptString(context(workspaceId, dataSourceId, SIGNING_SECRET_LABEL, version), key, split.webhookSecret()).toText();
        return new SealedCredentials(version, credentials, webhookSecret, webhookSecret != null);
    }

    /**
     * Decrypts the credentials (every field but the signing secret; all of them for a source whose
     * secret still sits inside), reporting the decryption (and so auditing it) with who asked.
     *
     * @param requestedBy the actor: {@code token:<id>}, {@code system:scheduledRunner}, ...
     * @throws CredentialsUnreadable if they do not decrypt (the failure is audited too)
     */
    public Credentials open(SourceCiphertexts stored, String requestedBy) {
        String json = decrypt(stored, FIELD, stored.credentials(), requestedBy);
        try {
            return new Credentials(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored credentials are not a JSON object", e);
        }
    }

    /** Decrypts the webhook signing secret alone, reporting (and so auditing) the decryption. */
    public String openWebhookSecret(SourceCiphertexts stored, String requestedBy) {
        return decrypt(stored, SIGNING_SECRET_LABEL, stored.webhookSecret(), requestedBy);
    }

    /**
     * Decrypts a replaced signing secret, at the version it was sealed at, reporting (and so
     * auditing) the decryption.
     */
    public String openPreviousWebhookSecret(SourceCiphertexts stored, String ciphertext, int version, String requestedBy) {
        try {
            EncryptedSecret secret = EncryptedSecret.parse(ciphertext);
            return encryption.decryptString(context(stored, SIGNING_SECRET_LABEL, version), keyFor(stored.keys(), secret), secret,
                    requestedBy);
        } catch (CryptoException e) {
            throw new CredentialsUnreadable(stored.dataSourceId(), true, e.code());
        }
    }

    /**
     * Both ciphertexts re-encrypted under {@code dataKey} at the next version (one audited decryption
     * each, by the crypto module's {@code reencrypt}); the values do not change.
     *
     * @throws CredentialsUnreadable if one does not decrypt
     */
    public SealedCredentials reseal(SourceCiphertexts stored, String dataKey, String requestedBy) {
        int version = stored.credentialVersion() + 1;
        WrappedDataKey to = WrappedDataKey.parse(dataKey);
        String credentials = reencrypt(stored, FIELD, stored.credentials(), version, to, requestedBy);
        String webhookSecret = stored.webhookSecret() == null ? null
                : reencrypt(stored, SIGNING_SECRET_LABEL, stored.webhookSecret(), version, to, requestedBy);
        return new SealedCredentials(version, credentials, webhookSecret, stored.hasWebhookSecret());
    }

    private String decrypt(SourceCiphertexts stored, String field, String ciphertext, String requestedBy) {
        try {
            EncryptedSecret secret = EncryptedSecret.parse(ciphertext);
            return encryption.decryptString(context(stored, field, stored.credentialVersion()), keyFor(stored.keys(), secret), secret,
                    requestedBy);
        } catch (CryptoException e) {
            throw new CredentialsUnreadable(stored.dataSourceId(), field.equals(SIGNING_SECRET_LABEL), e.code());
        }
    }

    private String reencrypt(SourceCiphertexts stored, String field, String ciphertext, int version, WrappedDataKey to,
                             String requestedBy) {
        try {
            EncryptedSecret secret = EncryptedSecret.parse(ciphertext);
            return encryption.reencrypt(context(stored, field, stored.credentialVersion()), context(stored, field, version),
                    keyFor(stored.keys(), secret), to, secret, requestedBy).toText();
        } catch (CryptoException e) {
            throw new CredentialsUnreadable(stored.dataSourceId(), field.equals(SIGNING_SECRET_LABEL), e.code());
        }
    }

    /**
     * The workspace key the ciphertext names; the current one when it names neither, so the crypto
     * module refuses (and reports) the attempt as for any other wrong key.
     */
    private static WrappedDataKey keyFor(WorkspaceKeys keys, EncryptedSecret secret) {
        if (keys.rotating()) {
            WrappedDataKey next = WrappedDataKey.parse(keys.nextDataKey());
            if (next.dataKeyId().equals(secret.dataKeyId())) {
                return next;
            }
        }
        return WrappedDataKey.parse(keys.dataKey());
    }

    private static SecretContext context(SourceCiphertexts stored, String field, int version) {
        return context(stored.workspaceId(), stored.dataSourceId(), field, version);
    }

    private static SecretContext context(String workspaceId, String dataSourceId, String field, int version) {
        return new SecretContext(workspaceId, "data_source:" + dataSourceId, new VersionedField(field, version).fieldName());
    }
}
