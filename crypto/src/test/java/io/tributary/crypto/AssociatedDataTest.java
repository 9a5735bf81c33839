package io.tributary.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** The associated data encoding must be unambiguous and must never change for stored ciphertexts. */
class AssociatedDataTest {

    @Test
    void layoutIsLengthPrefixedLabelThenFields() {
        byte[] encoded = AssociatedData.encode("L", "ab", "");
        assertThat(Hex.toHexString(encoded)).isEqualTo("000000014c" + "000000026162" + "00000000");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(AssociatedData.encode("L", "ab", "c")).isNotEqualTo(AssociatedData.encode("L", "a", "bc"));
        assertThat(AssociatedData.forSecret(new SecretContext("ws", "r1", "f"), "dk"))
                .isNotEqualTo(AssociatedData.forSecret(new SecretContext("ws", "r", "1f"), "dk"));
    }

    @Test
    void secretsAndWrappedKeysUseDifferentDomainLabels() {
        assertThat(AssociatedData.forSecret(new SecretContext("ws", "mk", "dk"), "x"))
                .isNotEqualTo(AssociatedData.forDataKey("ws", "mk", "dk"));
        assertThat(AssociatedData.forSecret(new SecretContext("ws-a", "conn-1", "apiKey"), "dk-1"))
                .isEqualTo(AssociatedData.encode("tributary/secret/v1", "ws-a", "conn-1", "apiKey", "dk-1"));
        assertThat(AssociatedData.forDataKey("ws-a", "mk-1", "dk-1"))
                .isEqualTo(AssociatedData.encode("tributary/data-key/v1", "ws-a", "mk-1", "dk-1"));
    }
}
