package io.tributary.crypto;

/**
 * Stable reason codes for {@link CryptoException}. Callers branch on these (and the audit log records
 * them), so existing constants must keep their names and meaning.
 */
public enum CryptoErrorCode {
    /** The authentication tag did not verify: wrong key, wrong associated data, or tampered bytes. */
    AUTHENTICATION_FAILED,
    /** A stored form could not be parsed: wrong layout, bad characters, bad lengths, bad encoding. */
    MALFORMED,
    /** A stored form names a format version this code does not know. */
    UNSUPPORTED_VERSION,
    /** A key id named by the input is not available (not in the key ring, or not the key supplied). */
    UNKNOWN_KEY_ID,
    /** Key material or a key id given to us (for example from configuration) is unusable. */
    INVALID_KEY
}
