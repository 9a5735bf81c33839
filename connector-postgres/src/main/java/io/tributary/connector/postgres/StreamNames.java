package io.tributary.connector.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Stream names for tables: SPI identifiers ({@code [a-z][a-z0-9_]*}, at most 64 characters) that
 * depend only on the tables, never on discovery order, so a stream keeps its name across syncs.
 *
 * <ol>
 *   <li>The base name is {@code <schema>__<table>}, lower-cased, every character other than
 *       {@code a-z}, {@code 0-9} and {@code _} replaced by {@code _}, prefixed {@code t_} when it
 *       would not start with a letter, and cut to 64 characters: {@code public."Order Items"} is
 *       {@code public__order_items}.</li>
 *   <li>A base name only one table has is the name.</li>
 *   <li>When several tables share a base name, the one that is spelt exactly so (lower-case
 *       schema without {@code __}, nothing replaced or cut) keeps it; each other one gets its base
 *       name cut to 55 characters plus {@code _} and 8 hex digits of the SHA-256 of its exact
 *       schema and name, which depend on that table alone.</li>
 *   <li>Should two names still be equal (a table named like another's hashed name), the later one
 *       in (schema, name) order gets {@code _2}, {@code _3}...</li>
 * </ol>
 * A stream is renamed only when a table created later collides with it and it is not the one spelt exactly.
 */
final class StreamNames {

    static final int MAX_LENGTH = 64;
    private static final int HASH_DIGITS = 8;
    private static final Pattern EXACT_SCHEMA = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern EXACT_TABLE = Pattern.compile("[a-z0-9_]+");
    private static final Comparator<Relation> ORDER = Comparator.comparing(Relation::schema).thenComparing(Relation::name);

    /** A table's exact identity. */
    record Relation(String schema, String name) {
    }

    private StreamNames() {
    }

    /** @return a distinct stream name for each relation */
    static Map<Relation, String> assign(List<Relation> relations) {
        Map<String, List<Relation>> byBase = new TreeMap<>();
        for (Relation relation : relations) {
            byBase.computeIfAbsent(base(relation), unused -> new ArrayList<>()).add(relation);
        }
        Map<Relation, String> names = new HashMap<>();
        byBase.forEach((base, group) -> group.forEach(relation ->
                names.put(relation, group.size() == 1 || isExact(relation, base) ? base : hashed(relation, base))));
        List<Relation> ordered = new ArrayList<>(relations);
        ordered.sort(ORDER);
        Set<String> taken = new HashSet<>();
        for (Relation relation : ordered) {
            String name = names.get(relation);
            for (int n = 2; !taken.add(name); n++) {
                String suffix = "_" + n;
                name = cut(names.get(relation), MAX_LENGTH - suffix.length()) + suffix;
            }
            names.put(relation, name);
        }
        return names;
    }

    static String base(Relation relation) {
        String name = clean(relation.schema()) + "__" + clean(relation.name());
        if (name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            name = "t_" + name;
        }
        return cut(name, MAX_LENGTH);
    }

    private static boolean isExact(Relation relation, String base) {
        return EXACT_SCHEMA.matcher(relation.schema()).matches() && !relation.schema().contains("__")
                && EXACT_TABLE.matcher(relation.name()).matches() && base.equals(relation.schema() + "__" + relation.name());
    }

    private static String hashed(Relation relation, String base) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((relation.schema() + "\0" + relation.name()).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(hash).substring(0, HASH_DIGITS);
            return cut(base, MAX_LENGTH - HASH_DIGITS - 1) + "_" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static String clean(String identifier) {
        String lower = identifier.toLowerCase(Locale.ROOT);
        StringBuilder clean = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            clean.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return clean.toString();
    }

    private static String cut(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length);
    }
}
