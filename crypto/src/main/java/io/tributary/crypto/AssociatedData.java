package io.tributary.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the GCM associated data that binds a ciphertext to where it belongs. Layout: a domain label
 * followed by the fields, each as a 4-byte big-endian length and its UTF-8 bytes. Length prefixes make
 * the encoding unambiguous ({@code ("ab","c")} differs from {@code ("a","bc")}); the label keeps a
 * wrapped data key from ever verifying as a secret and vice versa.
 */
final class AssociatedData {

    static final String SECRET_LABEL = "tributary/secret/v1";
    static final String DATA_KEY_LABEL = "tributary/data-key/v1";

    private AssociatedData() {
    }

    /** Binds a secret to its workspace, record, field and the data key that encrypted it. */
    static byte[] forSecret(SecretContext context, String dataKeyId) {
        return encode(SECRET_LABEL, context.workspaceId(), context.recordId(), context.fieldName(), dataKeyId);
    }

    /** Binds a wrapped data key to its workspace, its own id and the master key that wrapped it. */
    static byte[] forDataKey(String workspaceId, String masterKeyId, String dataKeyId) {
        return encode(DATA_KEY_LABEL, workspaceId, masterKeyId, dataKeyId);
    }

    static byte[] encode(String label, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLengthPrefixed(out, label);
        for (String field : fields) {
            writeLengthPrefixed(out, field);
        }
        return out.toByteArray();
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(bytes);
    }
}
