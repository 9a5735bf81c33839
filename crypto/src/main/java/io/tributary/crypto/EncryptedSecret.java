package io.tributary.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted under a workspace data key, as stored in the database. It names the data key
 * that encrypted it, so data keys can rotate.
 *
 * <p>Text form (see {@link #toText()}): {@code v1.<dataKeyId>.<base64url(nonce || ciphertext || tag)>} with a
 * 12-byte nonce, ciphertext as long as the plaintext, and a 16-byte tag (unpadded base64url).
 *
 * @param dataKeyId        id of the data key that encrypted the secret
 * @param nonce            the 12-byte GCM nonce (copied in and out)
 * @param ciphertextAndTag the ciphertext followed by the 16-byte tag (copied in and out)
 */
public record EncryptedSecret(String dataKeyId, byte[] nonce, byte[] ciphertextAndTag) {

    private static final String WHAT = "encrypted secret";

    /** Validates the id and lengths ({@code MALFORMED} otherwise) and copies the arrays. */
    public EncryptedSecret {
        KeyIds.requireValid(dataKeyId, CryptoErrorCode.MALFORMED);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        if (nonce.length != AesGcm.NONCE_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, WHAT + " nonce must be " + AesGcm.NONCE_BYTES + " bytes");
        }
        if (ciphertextAndTag.length < AesGcm.TAG_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, WHAT + " is shorter than its " + AesGcm.TAG_BYTES + "-byte tag");
        }
        nonce = nonce.clone();
        ciphertextAndTag = ciphertextAndTag.clone();
    }

    /**
     * Parses the text form.
     *
     * @throws CryptoException {@code UNSUPPORTED_VERSION} for another version, {@code MALFORMED} for anything else wrong
     */
    public static EncryptedSecret parse(String text) {
        String[] parts = StoredForm.split(text, 3, WHAT);
        byte[] payload = Base64Url.decode(parts[2], WHAT);
        if (payload.length < AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, WHAT + " payload is too short");
        }
        return new EncryptedSecret(parts[1],
                Arrays.copyOfRange(payload, 0, AesGcm.NONCE_BYTES),
                Arrays.copyOfRange(payload, AesGcm.NONCE_BYTES, payload.length));
    }

    /** @return the storable text form, which {@link #parse} reads back */
    public String toText() {
        byte[] payload = new byte[nonce.length + ciphertextAndTag.length];
        System.arraycopy(nonce, 0, payload, 0, nonce.length);
        System.arraycopy(ciphertextAndTag, 0, payload, nonce.length, ciphertextAndTag.length);
        return String.join(".", StoredForm.VERSION_1, dataKeyId, Base64Url.encode(payload));
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertextAndTag() {
        return ciphertextAndTag.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedSecret that
                && dataKeyId.equals(that.dataKeyId)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertextAndTag, that.ciphertextAndTag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataKeyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertextAndTag));
    }

    /** Id and length only: ciphertext has no business in logs. */
    @Override
    public String toString() {
        return "EncryptedSecret[dataKeyId=" + dataKeyId + ", ciphertextBytes=" + (ciphertextAndTag.length - AesGcm.TAG_BYTES) + "]";
    }
}
