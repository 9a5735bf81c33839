package io.tributary.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Computes an event's chain hash: SHA-256 over a canonical, unambiguous byte encoding of the
 * previous hash and every field of the event.
 *
 * <p>Encoding, all integers big-endian, every string as a 4-byte UTF-8 byte length then the bytes
 * (so no two different field lists encode alike):
 * <ol>
 *   <li>the string {@value #DOMAIN} (domain separation and format version)</li>
 *   <li>prevHash, 32 raw bytes</li>
 *   <li>seq, 8 bytes</li>
 *   <li>workspace</li>
 *   <li>time: epoch seconds (8 bytes), then nanos of second (4 bytes)</li>
 *   <li>actor, then action</li>
 *   <li>target: one byte 0 when null, else one byte 1 followed by the string</li>
 *   <li>detail: entry count (4 bytes), then key and value of each entry, ordered by the
 *       unsigned bytes of the UTF-8 key (code point order, the same in any language)</li>
 * </ol>
 */
final class EventHasher {

    /** Length of every hash in the chain. */
    static final int HASH_LENGTH = 32;

    static final String DOMAIN = "tributary.audit.event.v1";

    private EventHasher() {}

    /** The previous hash of the first event of every workspace. */
    static byte[] genesis() {
        return new byte[HASH_LENGTH];
    }

    /** Recomputes the hash a stored event should carry, from its fields and its stored prevHash. */
    static byte[] hashOf(AuditEvent event) {
        return hash(event.prevHash(), event.seq(), event.workspace(), event.time(),
                event.actor(), event.action(), event.target(), event.detail());
    }

    /** The hash of an event with these fields that follows an event hashed {@code prevHash}. */
    static byte[] hash(byte[] prevHash, long seq, String workspace, Instant time,
            String actor, String action, String target, Map<String, String> detail) {
        return sha256(canonicalBytes(prevHash, seq, workspace, time, actor, action, target, detail));
    }

    static byte[] canonicalBytes(byte[] prevHash, long seq, String workspace, Instant time,
            String actor, String action, String target, Map<String, String> detail) {
        if (prevHash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("prevHash must be " + HASH_LENGTH + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, DOMAIN);
            out.write(prevHash);
            out.writeLong(seq);
            writeString(out, workspace);
            out.writeLong(time.getEpochSecond());
            out.writeInt(time.getNano());
            writeString(out, actor);
            writeString(out, action);
            if (target == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                writeString(out, target);
            }
            byte[][] keys = detail.keySet().stream().map(EventHasher::utf8).sorted(Arrays::compareUnsigned).toArray(byte[][]::new);
            out.writeInt(keys.length);
            for (byte[] key : keys) {
                writeBytes(out, key);
                writeString(out, detail.get(new String(key, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, utf8(value));
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
