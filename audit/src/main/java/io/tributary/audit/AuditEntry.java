package io.tributary.audit;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a caller asks to record: everything of an event except what the log assigns itself
 * (seq, time and hashes). Validated on construction so bad input fails at the call site.
 *
 * <p><b>The detail map must never hold secrets</b> (credentials, tokens, keys, personal data
 * beyond ids): audit rows can never be deleted, so a secret written here stays forever. Record
 * ids and names instead. As a guard rail, keys that look like secrets ("password", "secret",
 * "apiKey", "privateKey", "accessToken", ...) are rejected, but that check is no substitute for care.
 *
 * @param workspace opaque workspace id; each workspace has its own chain
 * @param actor {@code admin}, {@code token:<id>} or {@code system:<name>}, see {@link AuditActors}
 * @param action dotted lower-case name such as {@code credential.decrypt}
 * @param target what was acted on, such as {@code data_source:ds_123}; null when nothing
 * @param detail small string map with context; never secrets
 */
public record AuditEntry(String workspace, String actor, String action, String target, Map<String, String> detail) {

    /** Most entries a detail map may have. */
    public static final int MAX_DETAIL_ENTRIES = 32;
    /** Longest detail key, in chars. */
    public static final int MAX_DETAIL_KEY_LENGTH = 64;
    /** Longest detail value, in chars. */
    public static final int MAX_DETAIL_VALUE_LENGTH = 1024;
    /** Longest workspace, actor, action or target, in chars. */
    public static final int MAX_FIELD_LENGTH = 200;

    private static final Pattern ACTOR = Pattern.compile("admin|token:[^\\s]+|system:[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-zA-Z0-9_]*(\\.[a-z][a-zA-Z0-9_]*)+");
    // Compared after lower-casing and dropping '_', '-' and '.'.
    private static final Set<String> SECRET_LIKE_KEY_PARTS =
            Set.of("password", "passwd", "secret", "apikey", "privatekey", "accesstoken", "refreshtoken", "bearer");

    /** Validates and copies the detail map into an unmodifiable, key-sorted map. */
    public AuditEntry {
        workspace = requireText("workspace", workspace);
        actor = requireText("actor", actor);
        action = requireText("action", action);
        if (!ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("actor must be admin, token:<id> or system:<name>, was: " + actor);
        }
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must look like 'data_source.create', was: " + action);
        }
        if (target != null) {
            target = requireText("target", target);
        }
        detail = copyDetail(detail == null ? Map.of() : detail);
    }

    /** An entry without detail. */
    public static AuditEntry of(String workspace, String actor, String action, String target) {
        return new AuditEntry(workspace, actor, action, target, Map.of());
    }

    private static SortedMap<String, String> copyDetail(Map<String, String> detail) {
        if (detail.size() > MAX_DETAIL_ENTRIES) {
            throw new IllegalArgumentException("detail has more than " + MAX_DETAIL_ENTRIES + " entries");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        detail.forEach((key, value) -> {
            requireStorable("detail key", key, MAX_DETAIL_KEY_LENGTH);
            if (key.isBlank()) {
                throw new IllegalArgumentException("detail keys must not be blank");
            }
            if (looksLikeSecret(key)) {
                throw new IllegalArgumentException("detail key '" + key + "' looks like a secret; never audit secrets");
            }
            requireStorable("detail value of '" + key + "'", value, MAX_DETAIL_VALUE_LENGTH);
            copy.put(key, value);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    private static boolean looksLikeSecret(String key) {
        String squashed = key.toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", "");
        return SECRET_LIKE_KEY_PARTS.stream().anyMatch(squashed::contains);
    }

    private static String requireText(String name, String value) {
        requireStorable(name, value, MAX_FIELD_LENGTH);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    // PostgreSQL text and jsonb cannot hold NUL, and unpaired surrogates would not survive the
    // round trip through UTF-8, so the stored value would no longer match the hashed one.
    private static void requireStorable(String name, String value, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " chars");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(name + " must not contain NUL");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " contains an unpaired surrogate");
            }
        }
    }
}
