package io.tributary.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BouncyCastle's AES-GCM primitive, built exactly as production builds it ({@link AesGcm#newGcm()}),
 * but with any key, nonce and tag size, for known-answer vectors whose parameters our own API
 * deliberately does not accept.
 */
final class BouncyCastleGcm {

    private BouncyCastleGcm() {
    }

    static byte[] encrypt(byte[] key, byte[] iv, int tagBits, byte[] aad, byte[] plaintext) throws InvalidCipherTextException {
        return run(true, key, iv, tagBits, aad, plaintext);
    }

    static byte[] decrypt(byte[] key, byte[] iv, int tagBits, byte[] aad, byte[] ciphertextAndTag) throws InvalidCipherTextException {
        return run(false, key, iv, tagBits, aad, ciphertextAndTag);
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] iv, int tagBits, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = AesGcm.newGcm();
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), tagBits, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int written = gcm.processBytes(input, 0, input.length, out, 0);
        written += gcm.doFinal(out, written);
        return java.util.Arrays.copyOf(out, written);
    }
}
