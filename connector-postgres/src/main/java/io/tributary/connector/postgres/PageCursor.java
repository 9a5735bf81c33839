package io.tributary.connector.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.connector.spi.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The opaque next-page cursor of a table read: base64url of {@code {"v":1,"after":[...],"check":"..."}},
 * {@code after} being the last row's values of the ordering columns as PostgreSQL's text. The
 * check, a SHA-256 over the read's scope (stream, mode, ordering columns) and the values, refuses a
 * cursor of another stream or key and one edited or corrupted on the way. It is not a secret MAC:
 * the values are only ever bound, so a forged cursor could at most move the start of a read within
 * a table the role may read anyway.
 */
final class PageCursor {

    private static final int VERSION = 1;
    private static final int MAX_LENGTH = 256 * 1024;
    private static final int CHECK_DIGITS = 32;
    private static final Set<String> FIELDS = Set.of("v", "after", "check");

    private final ObjectMapper mapper;

    PageCursor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param scope what the cursor is valid for
     * @param after the last row's ordering values, none null
     */
    String encode(String scope, List<String> after) {
        ObjectNode json = mapper.createObjectNode();
        json.put("v", VERSION);
        ArrayNode values = json.putArray("after");
        after.forEach(values::add);
        json.put("check", check(scope, after));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cursor of strings always serialises", e);
        }
    }

    /**
     * @param scope what the cursor must have been made for
     * @param columns how many values it must hold
     * @return the values to continue after
     * @throws ConnectorException {@code postgres.invalid_page_cursor} for any cursor not made by {@link #encode} for this scope
     */
    List<String> decode(String cursor, String scope, int columns) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        JsonNode json;
        try {
            json = mapper.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (json == null || !json.isObject() || json.size() != FIELDS.size() || !FIELDS.stream().allMatch(json::has)
                || !json.get("v").isInt() || json.get("v").intValue() != VERSION
                || !json.get("after").isArray() || json.get("after").size() != columns || !json.get("check").isTextual()) {
            throw invalid();
        }
        List<String> after = new ArrayList<>();
        for (JsonNode value : json.get("after")) {
            if (!value.isTextual()) {
                throw invalid();
            }
            after.add(value.textValue());
        }
        byte[] expected = check(scope, after).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, json.get("check").textValue().getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        return after;
    }

    /** Each part length-prefixed, so no two different inputs hash alike by shifting text between parts. */
    private static String check(String scope, List<String> after) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            parts.add(scope);
            parts.addAll(after);
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, CHECK_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static ConnectorException invalid() {
        return new ConnectorException(PostgresErrorCodes.INVALID_PAGE_CURSOR, "The page cursor was not returned by a read of"
                + " this stream with this key and cursor column, or it was altered: start the read again without a cursor",
                "cursor", null, null, null);
    }
}
