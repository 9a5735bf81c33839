package io.tributary.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes a page position (the last seq returned) as an opaque string, so callers do not build
 * cursors themselves and the format can change behind a version prefix.
 */
final class PageCursor {

    private static final String PREFIX = "v1:";

    private PageCursor() {}

    static String encode(long afterSeq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + afterSeq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq after which the next page starts; 0 for a null cursor (the first page). */
    static long decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX)) {
                long afterSeq = Long.parseLong(plain.substring(PREFIX.length()));
                if (afterSeq >= 0) {
                    return afterSeq;
                }
            }
        } catch (IllegalArgumentException e) { // bad Base64 or number; NumberFormatException is one too
            // fall through to the common error below
        }
        throw new IllegalArgumentException("not an audit page cursor: " + cursor);
    }
}
