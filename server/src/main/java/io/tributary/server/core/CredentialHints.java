package io.tributary.server.core;

import io.tributary.connector.spi.CredentialField;
import io.tributary.server.api.DataSourceView.CredentialHint;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What may be shown of each secret credential once it is stored, so a person can tell which key a
 * data source uses: the prefix the connector declares as not secret (the key's kind, such as
 * {@code rk_live_}), and the last four characters of the rest, only when the rest is long enough
 * that four characters are a small part of it. Nothing else: no guessing at prefixes by shape,
 * which showed 15 of the 22 characters of {@code whsec_acme_demo_secret}.
 */
final class CredentialHints {

    /** The shortest secret (after its public prefix) whose last four characters may be shown. */
    static final int SHORTEST_WITH_LAST4 = 16;
    private static final int LAST = 4;

    private CredentialHints() {
    }

    /**
     * The hints of the secret fields given a value.
     *
     * @return hints by field name, in the connector's field order
     */
    static Map<String, CredentialHint> of(List<CredentialField> fields, Map<String, String> credentials) {
        Map<String, CredentialHint> hints = new LinkedHashMap<>();
        for (CredentialField field : fields) {
            String value = credentials.get(field.name());
            if (value != null && field.secret()) {
                hints.put(field.name(), hint(field, value));
            }
        }
        return hints;
    }

    /** One secret's hint: its declared public prefix, if it has one, and the last four of the rest if that is long enough. */
    static CredentialHint hint(CredentialField field, String value) {
        String prefix = field.publicPrefixes().stream()
                .filter(candidate -> value.length() > candidate.length() && value.startsWith(candidate))
                .max(Comparator.comparingInt(String::length))
                .orElse("");
        int secretLength = value.length() - prefix.length();
        return new CredentialHint(prefix, secretLength >= SHORTEST_WITH_LAST4 ? value.substring(value.length() - LAST) : "");
    }
}
