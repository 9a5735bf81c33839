package io.tributary.connector.webhook;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time check of received signatures against every accepted key. */
final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    static byte[] sha256(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(StandardErrorCode.CONNECTOR_ERROR, "HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * Whether any received signature equals the HMAC of the payload under any key. Every pair is
     * compared with {@link MessageDigest#isEqual} and the results are OR-ed without an early exit,
     * so the time taken says neither which byte differed nor which key or signature matched.
     */
    static boolean anyMatches(List<byte[]> keys, byte[] payload, List<byte[]> received) {
        boolean matched = false;
        for (byte[] key : keys) {
            byte[] expected = sha256(key, payload);
            for (byte[] signature : received) {
                matched |= MessageDigest.isEqual(expected, signature);
            }
        }
        return matched;
    }

    /** {@code <prefix>.<body>}: the signed content of the schemes that sign more than the body. */
    static byte[] dotJoined(String prefix, byte[] body) {
        byte[] head = (prefix + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] payload = new byte[head.length + body.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(body, 0, payload, head.length, body.length);
        return payload;
    }
}
