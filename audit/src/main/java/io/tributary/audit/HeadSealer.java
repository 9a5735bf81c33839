package io.tributary.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a chain head with HMAC-SHA256 under a key that never enters the database. The hash chain
 * alone cannot stop someone with write access from cutting off the tail or recomputing every
 * hash; they cannot forge this MAC without the key.
 *
 * <p>MAC input: a domain string, the workspace (each as 4-byte length plus UTF-8), the seq (8
 * bytes big-endian) and the hash (32 bytes). The workspace is included so a head cannot be copied
 * from one workspace to another; the domain tells heads ({@value #DOMAIN}) from verified prefixes
 * ({@value #VERIFIED_DOMAIN}), so one can never pass for the other. The current key seals; the key
 * a seal names verifies it.
 */
final class HeadSealer {

    static final String DOMAIN = "tributary.audit.head.v1";
    static final String VERIFIED_DOMAIN = "tributary.audit.verified.v1";

    private static final String ALGORITHM = "HmacSHA256";

    /** At most one reload of the keys this often, so seals naming unknown keys cannot make a node reload on every check. */
    private static final long RELOAD_INTERVAL_NANOS = 60_000_000_000L;

    private final Supplier<SealKeys> reload;
    private volatile SealKeys keys;
    private long lastReloadNanos;

    private HeadSealer(SealKeys keys, Supplier<SealKeys> reload) {
        this.keys = keys;
        this.reload = reload;
        this.lastReloadNanos = System.nanoTime() - RELOAD_INTERVAL_NANOS;
    }

    HeadSealer(byte[] macKey) {
        this(SealKeys.single(macKey), null);
    }

    static HeadSealer of(SealKeys keys) {
        return new HeadSealer(keys, null);
    }

    /**
     * With keys that may change while the server runs: a seal naming a key this node does not know
     * (another node rotated) loads the keys again, and from then on the newest seals.
     */
    static HeadSealer reloading(SealKeys keys, Supplier<SealKeys> reload) {
        return new HeadSealer(keys, reload);
    }

    String currentKeyId() {
        return keys.currentId();
    }

    /** The head that follows an event with this seq and hash, sealed under the current key. */
    ChainHead seal(String workspace, long lastSeq, byte[] lastHash) {
        return new ChainHead(workspace, lastSeq, lastHash, keys.currentId(), mac(keys.current(), DOMAIN, workspace, lastSeq, lastHash));
    }

    /** Whether the head's MAC matches its fields under the key it names, compared in constant time. */
    boolean isAuthentic(ChainHead head) {
        return isAuthentic(DOMAIN, head.workspace(), head.lastSeq(), head.lastHash(), head.keyId(), head.mac());
    }

    /** A MAC over a verified prefix, under the current key. */
    byte[] sealVerified(String workspace, long seq, byte[] hash) {
        return mac(keys.current(), VERIFIED_DOMAIN, workspace, seq, hash);
    }

    boolean isAuthenticVerified(VerifiedPrefix prefix) {
        return isAuthentic(VERIFIED_DOMAIN, prefix.workspace(), prefix.seq(), prefix.hash(), prefix.keyId(), prefix.mac());
    }

    private boolean isAuthentic(String domain, String workspace, long seq, byte[] hash, String keyId, byte[] mac) {
        Optional<byte[]> key = keys.find(keyId).or(() -> reloaded().find(keyId));
        return key.isPresent() && MessageDigest.isEqual(mac, mac(key.get(), domain, workspace, seq, hash));
    }

    private synchronized SealKeys reloaded() {
        long now = System.nanoTime();
        if (reload != null && now - lastReloadNanos >= RELOAD_INTERVAL_NANOS) {
            lastReloadNanos = now;
            keys = reload.get();
        }
        return keys;
    }

    private static byte[] mac(byte[] key, String domain, String workspace, long seq, byte[] hash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, domain);
            writeString(out, workspace);
            out.writeLong(seq);
            out.write(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; one per call is cheap
            mac.init(new SecretKeySpec(key, ALGORITHM));
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
