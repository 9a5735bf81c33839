package io.tributary.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A workspace's data key encrypted (wrapped) by a master key, as stored in the database. It names the
 * master key that wrapped it and its own data key id; the wrapping is bound to the workspace, so a
 * wrapped key moved to another workspace does not open.
 *
 * <p>Text form (see {@link #toText()}): {@code v1.<masterKeyId>.<dataKeyId>.<base64url(nonce || encryptedKey || tag)>}
 * with a 12-byte nonce, 32-byte encrypted key and 16-byte tag (80 base64url characters, no padding).
 *
 * @param masterKeyId        id of the master key that wrapped this key
 * @param dataKeyId          id of the data key; every secret encrypted with it names this id
 * @param nonce              the 12-byte GCM nonce of the wrapping (copied in and out)
 * @param encryptedKeyAndTag the 32-byte encrypted key followed by the 16-byte tag (copied in and out)
 */
public record WrappedDataKey(String masterKeyId, String dataKeyId, byte[] nonce, byte[] encryptedKeyAndTag) {

    private static final String WHAT = "wrapped data key";
    private static final int PAYLOAD_BYTES = AesGcm.NONCE_BYTES + AesGcm.KEY_BYTES + AesGcm.TAG_BYTES;

    /** Validates ids and lengths ({@code MALFORMED} otherwise) and copies the arrays. */
    public WrappedDataKey {
        KeyIds.requireValid(masterKeyId, CryptoErrorCode.MALFORMED);
        KeyIds.requireValid(dataKeyId, CryptoErrorCode.MALFORMED);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(encryptedKeyAndTag, "encryptedKeyAndTag");
        if (nonce.length != AesGcm.NONCE_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, WHAT + " nonce must be " + AesGcm.NONCE_BYTES + " bytes");
        }
        if (encryptedKeyAndTag.length != AesGcm.KEY_BYTES + AesGcm.TAG_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED,
                    WHAT + " must hold " + (AesGcm.KEY_BYTES + AesGcm.TAG_BYTES) + " bytes of encrypted key and tag");
        }
        nonce = nonce.clone();
        encryptedKeyAndTag = encryptedKeyAndTag.clone();
    }

    /**
     * Parses the text form.
     *
     * @throws CryptoException {@code UNSUPPORTED_VERSION} for another version, {@code MALFORMED} for anything else wrong
     */
    public static WrappedDataKey parse(String text) {
        String[] parts = StoredForm.split(text, 4, WHAT);
        byte[] payload = Base64Url.decode(parts[3], WHAT);
        if (payload.length != PAYLOAD_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, WHAT + " payload must be " + PAYLOAD_BYTES + " bytes");
        }
        return new WrappedDataKey(parts[1], parts[2],
                Arrays.copyOfRange(payload, 0, AesGcm.NONCE_BYTES),
                Arrays.copyOfRange(payload, AesGcm.NONCE_BYTES, payload.length));
    }

    /** @return the storable text form, which {@link #parse} reads back */
    public String toText() {
        byte[] payload = new byte[PAYLOAD_BYTES];
        System.arraycopy(nonce, 0, payload, 0, nonce.length);
        System.arraycopy(encryptedKeyAndTag, 0, payload, nonce.length, encryptedKeyAndTag.length);
        return String.join(".", StoredForm.VERSION_1, masterKeyId, dataKeyId, Base64Url.encode(payload));
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] encryptedKeyAndTag() {
        return encryptedKeyAndTag.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedDataKey that
                && masterKeyId.equals(that.masterKeyId)
                && dataKeyId.equals(that.dataKeyId)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(encryptedKeyAndTag, that.encryptedKeyAndTag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masterKeyId, dataKeyId, Arrays.hashCode(nonce), Arrays.hashCode(encryptedKeyAndTag));
    }

    /** Ids only: no reason to put key ciphertext into logs. */
    @Override
    public String toString() {
        return "WrappedDataKey[masterKeyId=" + masterKeyId + ", dataKeyId=" + dataKeyId + "]";
    }
}
