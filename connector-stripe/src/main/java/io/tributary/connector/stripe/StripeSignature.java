package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex>,v1=<hex>,...}.
 * A delivery is genuine when one of its {@code v1} signatures equals HMAC-SHA256, keyed with one
 * of the accepted signing secrets, over {@code "<t>." + body}; only {@code v1} counts ({@code v0}
 * and unknown schemes are ignored). Comparisons take constant time. The timestamp must lie within
 * the tolerance of now in either direction, so an old delivery cannot be replayed and a
 * far-future one is refused too.
 */
final class StripeSignature {

    /** Stripe's default tolerance. */
    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private StripeSignature() {
    }

    static void verify(byte[] body, String header, List<String> secrets, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            throw invalid("The delivery has no Stripe-Signature header");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String scheme = part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            if (scheme.equals("t")) {
                if (timestamp != null) {
                    throw invalid("The Stripe-Signature header carries two timestamps");
                }
                timestamp = parseSeconds(value);
            } else if (scheme.equals("v1")) {
                hex(value).ifPresent(signatures::add);
            }
        }
        if (timestamp == null) {
            throw invalid("The Stripe-Signature header has no timestamp");
        }
        if (signatures.isEmpty()) {
            throw invalid("The Stripe-Signature header has no v1 signature");
        }
        byte[] signedPayload = signedPayload(timestamp, body);
        boolean genuine = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signedPayload);
            for (byte[] signature : signatures) {
                // Check every pair, so timing does not tell which secret or signature matched.
                genuine |= MessageDigest.isEqual(expected, signature);
            }
        }
        if (!genuine) {
            throw invalid("The delivery's signature matches none of the webhook signing secrets");
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            throw new ConnectorException(StandardErrorCode.WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE,
                    "The delivery was signed " + skew + " s away from now, outside the " + tolerance.toSeconds() + " s tolerance");
        }
    }

    static byte[] hmac(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(StandardErrorCode.CONNECTOR_ERROR, "HMAC-SHA256 is unavailable", e);
        }
    }

    static byte[] signedPayload(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return payload;
    }

    private static long parseSeconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("The Stripe-Signature timestamp is not a number");
        }
    }

    private static java.util.Optional<byte[]> hex(String value) {
        try {
            return java.util.Optional.of(HexFormat.of().parseHex(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static ConnectorException invalid(String message) {
        return new ConnectorException(StandardErrorCode.WEBHOOK_SIGNATURE_INVALID, message);
    }
}
