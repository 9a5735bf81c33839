package io.tributary.connector.stripe.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's API keys and what each may do; reads the key from {@code Authorization: Bearer}
 * (what stripe-java sends) or Basic auth with the key as user name.
 */
final class ApiKeys {

    private final Map<String, KeyAccess> keys = new ConcurrentHashMap<>();
    private final Ids ids;
    private final boolean livemode;

    ApiKeys(long seed, boolean livemode) {
        this.ids = new Ids(seed);
        this.livemode = livemode;
    }

    /** A new key with the prefix its access implies: {@code sk_test_...} or {@code rk_test_...}. */
    String add(KeyAccess access) {
        String kind = access instanceof KeyAccess.Restricted ? "rk" : "sk";
        String key = kind + (livemode ? "_live_" : "_test_") + "51Fake" + ids.token(42);
        keys.put(key, access);
        return key;
    }

    void add(String key, KeyAccess access) {
        keys.put(key, access);
    }

    /** The key and its access, or a 401 error. */
    Authenticated authenticate(String authorization) {
        String key = keyFrom(authorization);
        if (key == null || key.isBlank()) {
            throw StripeErrors.noApiKey();
        }
        KeyAccess access = keys.get(key);
        if (access == null || access instanceof KeyAccess.Revoked) {
            throw StripeErrors.invalidApiKey(key);
        }
        if (access instanceof KeyAccess.Unavailable) {
            throw new ApiError(StripeErrors.injected(503));
        }
        return new Authenticated(key, access);
    }

    /** The key a request carried, if any, without checking it (for the request log). */
    static String keyFrom(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Masks a key as Stripe does in errors: the {@code sk_test_} style prefix, a star for each
     * hidden character, then the last four.
     */
    static String mask(String key) {
        int prefixEnd = key.indexOf('_', key.indexOf('_') + 1) + 1;
        if (prefixEnd <= 0 || key.length() - prefixEnd <= 4) {
            prefixEnd = Math.min(key.length(), 3);
        }
        int shown = Math.min(4, key.length() - prefixEnd);
        return key.substring(0, prefixEnd) + "*".repeat(key.length() - prefixEnd - shown) + key.substring(key.length() - shown);
    }

    /** A key that passed authentication. */
    record Authenticated(String key, KeyAccess access) {
    }
}
