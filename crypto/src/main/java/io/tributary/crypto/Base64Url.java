package io.tributary.crypto;

import java.util.Base64;

/**
 * Strict unpadded base64url for the stored forms. Decoding rejects anything that does not re-encode to
 * the same text (padding, stray low bits in the last character), so every stored value has exactly
 * one spelling and any edit to it is detected.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, what + " is not valid base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, what + " is not canonical unpadded base64url");
        }
        return bytes;
    }
}
