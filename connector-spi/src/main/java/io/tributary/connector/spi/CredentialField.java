package io.tributary.connector.spi;

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
 */
public record CredentialField(String name, String label, boolean secret, boolean required, String pattern,
                              String helpText) {

    /** Checks the inputs; the pattern must compile. */
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
