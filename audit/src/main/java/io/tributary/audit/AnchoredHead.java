package io.tributary.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A chain's sealed head as written outside the database (the anchor file): enough to tell later
 * whether the chain was rolled back to an older head or removed, which the database alone cannot.
 *
 * @param workspace the chain's workspace
 * @param lastSeq its newest seq when anchored
 * @param lastHash the hash of that event, hex
 * @param keyId the seal key that sealed it
 * @param mac the head's seal, hex: an anchor line written by anyone without the key fails it
 * @param anchoredAt when it was written
 */
public record AnchoredHead(String workspace, long lastSeq, String lastHash, String keyId, String mac, Instant anchoredAt) {

    public AnchoredHead {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(lastHash, "lastHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
    }

    static AnchoredHead of(ChainHead head, Instant at) {
        return new AnchoredHead(head.workspace(), head.lastSeq(), HexFormat.of().formatHex(head.lastHash()), head.keyId(),
                HexFormat.of().formatHex(head.mac()), at);
    }

    ChainHead toHead() {
        return new ChainHead(workspace, lastSeq, HexFormat.of().parseHex(lastHash), keyId, HexFormat.of().parseHex(mac));
    }

    /** Whether this anchors the same head as {@code other}, whenever each was written. */
    public boolean sameHeadAs(AnchoredHead other) {
        return other != null && workspace.equals(other.workspace) && lastSeq == other.lastSeq && lastHash.equals(other.lastHash)
                && keyId.equals(other.keyId) && mac.equals(other.mac);
    }
}
