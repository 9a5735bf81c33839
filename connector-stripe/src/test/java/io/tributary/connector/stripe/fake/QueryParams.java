package io.tributary.connector.stripe.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Form-encoded query parameters with Stripe's bracket syntax, as stripe-java sends them:
 * {@code limit=10}, {@code expand[0]=data.customer} (or {@code expand[]=...}) and
 * {@code created[gte]=1700000000}.
 */
final class QueryParams {

    private final Map<String, String> scalars = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, String>> indexed = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
    private final Map<String, List<String>> raw = new LinkedHashMap<>();

    private QueryParams() {
    }

    /** Parses the part of a URL after {@code ?}; null or empty gives no parameters. */
    static QueryParams parse(String query) {
        QueryParams params = new QueryParams();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.raw.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            params.add(key, value);
        }
        return params;
    }

    private void add(String key, String value) {
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            scalars.put(key, value);
            return;
        }
        if (!key.endsWith("]")) {
            throw StripeErrors.invalidRequest(key, "Invalid parameter name: " + key);
        }
        String name = key.substring(0, bracket);
        String inner = key.substring(bracket + 1, key.length() - 1);
        if (inner.isEmpty() || inner.chars().allMatch(Character::isDigit)) {
            TreeMap<Integer, String> values = indexed.computeIfAbsent(name, k -> new TreeMap<>());
            values.put(inner.isEmpty() ? values.size() : Integer.parseInt(inner), value);
        } else {
            keyed.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(inner, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StripeErrors.invalidRequest(null, "Invalid URL encoding: " + text);
        }
    }

    /** Top-level names: {@code created} for {@code created[gte]}. */
    Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>(scalars.keySet());
        names.addAll(indexed.keySet());
        names.addAll(keyed.keySet());
        return names;
    }

    boolean has(String name) {
        return scalars.containsKey(name) || indexed.containsKey(name) || keyed.containsKey(name);
    }

    /** A plain value, or null when absent; 400 when sent as an array or hash. */
    String scalar(String name) {
        if (indexed.containsKey(name) || keyed.containsKey(name)) {
            throw StripeErrors.invalidRequest(name, "Invalid " + name + ": must be a string");
        }
        return scalars.get(name);
    }

    /** An array ({@code types[]=a&types[]=b}); a plain value counts as a one-element array. */
    List<String> list(String name) {
        if (keyed.containsKey(name)) {
            throw StripeErrors.invalidRequest(name, "Invalid array");
        }
        if (scalars.containsKey(name)) {
            return List.of(scalars.get(name));
        }
        return indexed.containsKey(name) ? List.copyOf(indexed.get(name).values()) : List.of();
    }

    /** A hash ({@code created[gte]=1}); empty when absent. */
    Map<String, String> hash(String name) {
        return keyed.containsKey(name) ? Collections.unmodifiableMap(keyed.get(name)) : Map.of();
    }

    /** Every decoded key as sent ({@code created[gte]}) with its values, for the request log. */
    Map<String, List<String>> raw() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        raw.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
