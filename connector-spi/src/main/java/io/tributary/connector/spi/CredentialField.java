package io.tributary.connector.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One field a person fills in to connect a data source, such as an API key.
 *
 * @param name the field's name in the credentials map, such as {@code api_key}
 * @param label the label shown next to the input, such as {@code Restricted API key}
 * @param secret whether the value is a secret: the host encrypts it, never shows it again and
 *     masks it in forms
 * @param required whether the field must be filled in
 * @param pattern a regular expression the whole value must match, or null for any value
 * @param helpText a hint shown under the input and in the error when the pattern does not match,
 *     such as {@code Starts with rk_live_ or rk_test_}; null for none
 * @param publicPrefixes for a secret field, the prefixes its values start with that are not secret
 *     (the kind of key, such as {@code rk_live_}), which the host may show beside the last characters
 *     of a stored secret; empty when no part of the value may be shown as its kind
 */
public record CredentialField(String name, String label, boolean secret, boolean required, String pattern,
                              String helpText, List<String> publicPrefixes) {

    /** The longest public prefix: a kind, never a meaningful part of the secret. */
    public static final int MAX_PREFIX_LENGTH = 16;

    /** Checks the inputs; the pattern must compile, and public prefixes belong to secret fields. */
    public CredentialField {
        Checks.identifier(name, "Credential field name");
        Checks.text(label, "label");
        Checks.optionalText(helpText, "helpText");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Credential field '" + name + "' has an invalid pattern: " + e.getDescription(), e);
            }
        }
        publicPrefixes = Checks.list(publicPrefixes, "publicPrefixes");
        for (String prefix : publicPrefixes) {
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX_LENGTH || !prefix.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("Credential field '" + name + "': a public prefix must be 1 to " + MAX_PREFIX_LENGTH
                        + " printable ASCII characters without spaces: '" + prefix + "'");
            }
        }
        Checks.unique(publicPrefixes, prefix -> prefix, "Credential field '" + name + "': public prefix");
        if (!secret && !publicPrefixes.isEmpty()) {
            throw new IllegalArgumentException("Credential field '" + name + "' is not secret: public prefixes say what of a secret may be shown");
        }
    }

    /**
     * A field without public prefixes, as before they existed.
     *
     * @param name the field's name in the credentials map
     * @param label the label shown next to the input
     * @param secret whether the value is a secret
     * @param required whether the field must be filled in
     * @param pattern a regular expression the whole value must match, or null
     * @param helpText a hint, or null
     */
    public CredentialField(String name, String label, boolean secret, boolean required, String pattern, String helpText) {
        this(name, label, secret, required, pattern, helpText, List.of());
    }

    /**
     * A required secret field, such as an API key.
     *
     * @param name the field's name
     * @param label its label
     * @param pattern the pattern its value must match, or null
     * @param helpText a hint, or null
     * @return the field
     */
    public static CredentialField secret(String name, String label, String pattern, String helpText) {
        return new CredentialField(name, label, true, true, pattern, helpText);
    }

    /**
     * This field, declaring the prefixes of its values that are not secret.
     *
     * @param prefixes such as {@code rk_live_}, {@code rk_test_}
     * @return a copy with these public prefixes (replacing any declared before)
     * @throws IllegalArgumentException when the field is not secret or a prefix is invalid
     */
    public CredentialField withPublicPrefixes(String... prefixes) {
        return new CredentialField(name, label, secret, required, pattern, helpText, Arrays.asList(prefixes));
    }

    /**
     * Whether a value satisfies this field's pattern (presence is checked separately).
     *
     * @param value a non-null value
     * @return true when there is no pattern or the whole value matches it
     */
    public boolean accepts(String value) {
        Objects.requireNonNull(value, "value");
        return pattern == null || Pattern.compile(pattern).matcher(value).matches();
    }
}
