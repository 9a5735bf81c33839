package io.tributary.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reusing a GCM nonce under one key is catastrophic, so many encryptions must never repeat one. */
class NonceUniquenessTest {

    private static final int ENCRYPTIONS = 100_000;

    @Test
    void oneHundredThousandEncryptionsUnderOneDataKeyUseDistinctNonces() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-1")), DecryptionListener.NONE);
        WrappedDataKey dataKey = envelope.newDataKey("ws-a");
        SecretContext context = new SecretContext("ws-a", "conn-1", "apiKey");
        byte[] plaintext = {1, 2, 3};

        Set<ByteBuffer> nonces = new HashSet<>();
        Set<String> dataKeyIds = new HashSet<>();
        for (int i = 0; i < ENCRYPTIONS; i++) {
            EncryptedSecret secret = envelope.encrypt(context, dataKey, plaintext);
            dataKeyIds.add(secret.dataKeyId());
            nonces.add(ByteBuffer.wrap(secret.nonce()));
        }

        assertThat(dataKeyIds).containsExactly(dataKey.dataKeyId());

        assertThat(nonces).hasSize(ENCRYPTIONS);
    }

    @Test
    void wrappingNoncesAreDistinctToo() {
        EnvelopeEncryption envelope = new EnvelopeEncryption(MasterKeyRing.of(MasterKey.generate("mk-1")), DecryptionListener.NONE);
        Set<ByteBuffer> nonces = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            nonces.add(ByteBuffer.wrap(envelope.newDataKey("ws-a").nonce()));
        }
        assertThat(nonces).hasSize(10_000);
    }
}
