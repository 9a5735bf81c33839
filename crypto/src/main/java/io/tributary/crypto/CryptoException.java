package io.tributary.crypto;

import java.util.Objects;

/**
 * The one exception this module throws for cryptographic and format failures. It carries a stable
 * {@link CryptoErrorCode}; its message never contains plaintext or key material, and it never wraps an
 * underlying exception (their messages could echo input, such as a mistyped master key).
 */
public final class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CryptoErrorCode code;

    /**
     * @param code    why the operation failed
     * @param message a description free of secret material
     */
    public CryptoException(CryptoErrorCode code, String message) {
        super(Objects.requireNonNull(code, "code") + ": " + message);
        this.code = code;
    }

    /** @return the stable reason code */
    public CryptoErrorCode code() {
        return code;
    }
}
