package io.tributary.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeadSealerTest {

    private final HeadSealer sealer = new HeadSealer(TestDatabase.MAC_KEY);
    private final byte[] hash = new byte[32];

    @Test
    void sealedHeadIsAuthentic() {
        ChainHead head = sealer.seal("ws_1", 5, hash);
        assertThat(head.mac()).hasSize(32);
        assertThat(sealer.isAuthentic(head)).isTrue();
    }

    @Test
    void changingAnyFieldBreaksTheSeal() {
        ChainHead head = sealer.seal("ws_1", 5, hash);
        byte[] otherHash = hash.clone();
        otherHash[31] = 1;
        byte[] otherMac = head.mac();
        otherMac[0] ^= 1;

        assertThat(sealer.isAuthentic(new ChainHead("ws_2", 5, hash, head.keyId(), head.mac()))).isFalse();
        assertThat(sealer.isAuthentic(new ChainHead("ws_1", 4, hash, head.keyId(), head.mac()))).isFalse();
        assertThat(sealer.isAuthentic(new ChainHead("ws_1", 5, otherHash, head.keyId(), head.mac()))).isFalse();
        assertThat(sealer.isAuthentic(new ChainHead("ws_1", 5, hash, head.keyId(), otherMac))).isFalse();
    }

    @Test
    void anotherKeyCannotForgeTheSeal() {
        byte[] otherKey = Arrays.copyOf(TestDatabase.MAC_KEY, TestDatabase.MAC_KEY.length);
        otherKey[0] ^= 1;
        ChainHead forged = new HeadSealer(otherKey).seal("ws_1", 5, hash);
        assertThat(sealer.isAuthentic(forged)).isFalse();
    }

    @Test
    void keyChangesByTheCallerDoNotAffectTheSealer() {
        byte[] key = TestDatabase.MAC_KEY.clone();
        HeadSealer own = new HeadSealer(key);
        ChainHead head = own.seal("ws_1", 1, hash);
        Arrays.fill(key, (byte) 0);
        assertThat(own.isAuthentic(head)).isTrue();
    }

    @Test
    void rejectsShortOrMissingKeys() {
        assertThatThrownBy(() -> new HeadSealer(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeadSealer(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
