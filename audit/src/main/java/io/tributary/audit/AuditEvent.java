package io.tributary.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One stored audit event, as read back from the log.
 *
 * @param workspace opaque workspace id
 * @param seq position in the workspace's chain, starting at 1
 * @param time when it was recorded (from the log's clock, microsecond precision)
 * @param actor who did it
 * @param action what they did
 * @param target what it was done to, or null
 * @param detail small string map with context, sorted by key
 * @param prevHash hash of event {@code seq - 1} of the workspace (32 zero bytes for seq 1)
 * @param hash SHA-256 over {@code prevHash} and every other field, see {@link EventHasher}
 */
public record AuditEvent(
        String workspace,
        long seq,
        Instant time,
        String actor,
        String action,
        String target,
        Map<String, String> detail,
        byte[] prevHash,
        byte[] hash) {

    /** Copies the detail map and hash arrays so the event cannot be changed after the fact. */
    public AuditEvent {
        detail = Collections.unmodifiableSortedMap(new TreeMap<>(detail));
        prevHash = prevHash.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The hash as lower-case hex, handy for logs and for anchoring the chain elsewhere. */
    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    // Records compare arrays by identity; events are equal when their content is.
    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEvent that
                && seq == that.seq
                && workspace.equals(that.workspace)
                && time.equals(that.time)
                && actor.equals(that.actor)
                && action.equals(that.action)
                && Objects.equals(target, that.target)
                && detail.equals(that.detail)
                && Arrays.equals(prevHash, that.prevHash)
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspace, seq, Arrays.hashCode(hash));
    }

    @Override
    public String toString() {
        return "AuditEvent[" + workspace + "#" + seq + " " + time + " " + actor + " " + action
                + (target == null ? "" : " " + target) + " " + detail + " hash=" + hashHex() + "]";
    }
}
