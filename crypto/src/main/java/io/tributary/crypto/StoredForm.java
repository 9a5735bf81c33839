package io.tributary.crypto;

import java.util.regex.Pattern;

/**
 * Splits the dot-separated text forms ({@code v1.<keyId>...<base64url>}) and checks the version
 * before anything else, so a future version may change the layout freely.
 */
final class StoredForm {

    /** The only format version this code writes and reads. */
    static final String VERSION_1 = "v1";

    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,9}");

    private StoredForm() {
    }

    static String[] split(String text, int expectedParts, String what) {
        if (text == null || text.isEmpty()) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, what + " is empty");
        }
        String[] parts = text.split("\\.", -1);
        if (!VERSION.matcher(parts[0]).matches()) {
            throw new CryptoException(CryptoErrorCode.MALFORMED, what + " does not start with a version");
        }
        if (!VERSION_1.equals(parts[0])) {
            throw new CryptoException(CryptoErrorCode.UNSUPPORTED_VERSION, what + " has unsupported version " + parts[0]);
        }
        if (parts.length != expectedParts) {
            throw new CryptoException(CryptoErrorCode.MALFORMED,
                    what + " must have " + expectedParts + " dot-separated parts, found " + parts.length);
        }
        return parts;
    }
}
