package io.tributary.crypto;

import java.util.regex.Pattern;

/**
 * Key ids appear inside the dot-separated stored forms, so they are limited to characters that can
 * never be confused with the separator or need escaping.
 */
final class KeyIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private KeyIds() {
    }

    /** Returns {@code id} if it is a valid key id, else throws a {@link CryptoException} with {@code code}. */
    static String requireValid(String id, CryptoErrorCode code) {
        if (id == null || !VALID.matcher(id).matches()) {
            // The id is not secret, but it may be garbage of any length: do not echo it.
            throw new CryptoException(code, "key id must be 1-64 characters of [A-Za-z0-9_-]");
        }
        return id;
    }
}
