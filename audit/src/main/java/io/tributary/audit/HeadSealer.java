package io.tributary.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a chain head with HMAC-SHA256 under a key that never enters the database. The hash chain
 * alone cannot stop someone with write access from cutting off the tail or recomputing every
 * hash; they cannot forge this MAC without the key.
 *
 * <p>MAC input: the string {@value #DOMAIN}, the workspace (each as 4-byte length plus UTF-8),
 * lastSeq (8 bytes big-endian) and lastHash (32 bytes). The workspace is included so a head cannot
 * be copied from one workspace to another.
 */
final class HeadSealer {

    /** Shortest MAC key accepted: HMAC-SHA256 wants at least its output size. */
    static final int MIN_KEY_LENGTH = 32;

    static final String DOMAIN = "tributary.audit.head.v1";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HeadSealer(byte[] macKey) {
        if (macKey == null || macKey.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the audit MAC key must be at least " + MIN_KEY_LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(macKey.clone(), ALGORITHM);
    }

    /** The head that follows an event with this seq and hash, sealed. */
    ChainHead seal(String workspace, long lastSeq, byte[] lastHash) {
        return new ChainHead(workspace, lastSeq, lastHash, mac(workspace, lastSeq, lastHash));
    }

    /** Whether the head's MAC matches its fields, compared in constant time. */
    boolean isAuthentic(ChainHead head) {
        return MessageDigest.isEqual(head.mac(), mac(head.workspace(), head.lastSeq(), head.lastHash()));
    }

    private byte[] mac(String workspace, long lastSeq, byte[] lastHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, DOMAIN);
            writeString(out, workspace);
            out.writeLong(lastSeq);
            out.write(lastHash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; one per call is cheap
            mac.init(key);
            return mac.doFinal(bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM provides " + ALGORITHM, e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
