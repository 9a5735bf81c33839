package io.tributary.connector.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One field a person fills in to connect a data source, such as an API key. Build one with
 * {@link #secret} or {@link #plain}: {@code CredentialField.secret("api_key", "API key")
 * .pattern("rk_(live|test)_\\w+").helpText("Starts with rk_live_").build()}. Fields are required
 * unless built {@link Builder#optional()}.
 */
// Serialised from its fields (named as its accessors), as it was as a record: hosts render forms from this JSON.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CredentialField {

    /** The longest public prefix: a kind, never a meaningful part of the secret. */
    public static final int MAX_PREFIX_LENGTH = 16;

    private final String name;
    private final String label;
    private final boolean secret;
    private final boolean required;
    private final String pattern;
    private final String helpText;
    private final List<String> publicPrefixes;
    private final SecretFormat generatedWhenEmpty;

    private CredentialField(Builder builder) {
        this.generatedWhenEmpty = builder.generatedWhenEmpty;
        this.name = Checks.identifier(builder.name, "Credential field name");
        this.label = Checks.text(builder.label, "label");
        this.secret = builder.secret;
        this.required = builder.required;
        this.helpText = Checks.optionalText(builder.helpText, "helpText");
        this.pattern = builder.pattern;
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Credential field '" + name + "' has an invalid pattern: " + e.getDescription(), e);
            }
        }
        this.publicPrefixes = Checks.list(builder.publicPrefixes, "publicPrefixes");
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
        if (!secret && generatedWhenEmpty != null) {
            throw new IllegalArgumentException("Credential field '" + name + "' is not secret: only a secret is generated");
        }
    }

    /**
     * A secret field: the host encrypts its value, never shows it again and masks it in forms.
     *
     * @param name the field's name in the credentials map, such as {@code api_key}
     * @param label the label shown next to the input
     * @return a builder
     */
    public static Builder secret(String name, String label) {
        return new Builder(name, label, true);
    }

    /**
     * A field whose value is not secret, such as a host name or an account id.
     *
     * @param name the field's name in the credentials map
     * @param label the label shown next to the input
     * @return a builder
     */
    public static Builder plain(String name, String label) {
        return new Builder(name, label, false);
    }

    /** @return the field's name in the credentials map */
    public String name() {
        return name;
    }

    /** @return the label shown next to the input */
    public String label() {
        return label;
    }

    /** @return whether the value is a secret */
    public boolean secret() {
        return secret;
    }

    /** @return whether the field must be filled in */
    public boolean required() {
        return required;
    }

    /** @return the regular expression the whole value must match, or null for any value */
    public String pattern() {
        return pattern;
    }

    /** @return a hint shown under the input and in the error when the pattern does not match, or null */
    public String helpText() {
        return helpText;
    }

    /**
     * For a secret field, the prefixes its values start with that are not secret (the kind of
     * key, such as {@code rk_live_}), which the host may show beside the last characters of a
     * stored secret.
     *
     * @return the prefixes; empty when no part of the value may be shown
     */
    public List<String> publicPrefixes() {
        return publicPrefixes;
    }

    /**
     * How the host generates this secret when a person leaves it empty: it then generates one, stores
     * it like any credential and shows it once, in the answer that created the data source. Since
     * SPI 2.1.
     *
     * @return the format, or empty when the person must give a value (or may leave it out)
     */
    public java.util.Optional<SecretFormat> generatedWhenEmpty() {
        return java.util.Optional.ofNullable(generatedWhenEmpty);
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

    /**
     * A builder starting from this field, to derive a variant.
     *
     * @return a builder with this field's values
     */
    public Builder toBuilder() {
        Builder builder = new Builder(name, label, secret);
        builder.required = required;
        builder.pattern = pattern;
        builder.helpText = helpText;
        builder.publicPrefixes = publicPrefixes;
        builder.generatedWhenEmpty = generatedWhenEmpty;
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialField that && name.equals(that.name) && label.equals(that.label)
                && secret == that.secret && required == that.required && Objects.equals(pattern, that.pattern)
                && Objects.equals(helpText, that.helpText) && publicPrefixes.equals(that.publicPrefixes)
                && Objects.equals(generatedWhenEmpty, that.generatedWhenEmpty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, label, secret, required, pattern, helpText, publicPrefixes, generatedWhenEmpty);
    }

    @Override
    public String toString() {
        return "CredentialField[" + name + (secret ? ", secret" : "") + (required ? ", required" : ", optional") + "]";
    }

    /** Builds a {@link CredentialField}. */
    public static final class Builder {
        private final String name;
        private final String label;
        private final boolean secret;
        private boolean required = true;
        private String pattern;
        private String helpText;
        private List<String> publicPrefixes = List.of();
        private SecretFormat generatedWhenEmpty;

        private Builder(String name, String label, boolean secret) {
            this.name = name;
            this.label = label;
            this.secret = secret;
        }

        /**
         * The field may be left empty.
         *
         * @return this builder
         */
        public Builder optional() {
            this.required = false;
            return this;
        }

        /**
         * A regular expression the whole value must match.
         *
         * @param regex the pattern
         * @return this builder
         */
        public Builder pattern(String regex) {
            this.pattern = Objects.requireNonNull(regex, "regex");
            return this;
        }

        /**
         * A hint shown under the input, such as {@code Starts with rk_live_ or rk_test_}.
         *
         * @param text the hint
         * @return this builder
         */
        public Builder helpText(String text) {
            this.helpText = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * The prefixes of this secret's values that are not secret.
         *
         * @param prefixes such as {@code rk_live_}, {@code rk_test_}
         * @return this builder
         */
        public Builder publicPrefixes(String... prefixes) {
            this.publicPrefixes = Arrays.asList(prefixes);
            return this;
        }

        /**
         * The host generates this secret when a person leaves it empty (Since SPI 2.1). A generated
         * value must satisfy the field's pattern; the host checks a sample when it installs the
         * connector.
         *
         * @param format the prefix and the number of random bytes
         * @return this builder
         */
        public Builder generatedWhenEmpty(SecretFormat format) {
            this.generatedWhenEmpty = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The field.
         *
         * @return a checked field
         * @throws IllegalArgumentException when a value is invalid
         */
        public CredentialField build() {
            return new CredentialField(this);
        }
    }
}
