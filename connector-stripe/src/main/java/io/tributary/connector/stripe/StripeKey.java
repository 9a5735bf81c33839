package io.tributary.connector.stripe;

import io.tributary.connector.spi.ConnectorException;
import io.tributary.connector.spi.StandardErrorCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stripe API key, parsed: restricted ({@code rk_}) or secret ({@code sk_}), live or test. Its
 * {@link #toString()} and {@link #masked()} show only the kind and the last four characters.
 *
 * @param value the key itself
 * @param restricted true for {@code rk_} keys, which can be limited to reads
 * @param livemode true for {@code _live_} keys
 */
public record StripeKey(String value, boolean restricted, boolean livemode) {

    /** What a key looks like, for the credential field's pattern. */
    public static final String PATTERN = "(rk|sk)_(live|test)_[A-Za-z0-9]{10,247}";

    /** The prefixes naming a key's kind and mode: not secret, so they may be shown beside a stored key's last characters. */
    public static final List<String> KINDS = List.of("rk_live_", "rk_test_", "sk_live_", "sk_test_");

    /** What a person is told when a key does not look right. */
    public static final String HELP = "A restricted key (recommended, read-only) starts with rk_live_ or rk_test_; "
            + "a secret key starts with sk_live_ or sk_test_. Create one under Developers > API keys in the Stripe Dashboard.";

    private static final Pattern SHAPE = Pattern.compile("(rk|sk)_(live|test)_[A-Za-z0-9]{10,247}");

    /**
     * Parses a key, refusing anything that is not a Stripe API key before any call is made.
     *
     * @param value the key as entered
     * @return the parsed key
     * @throws ConnectorException {@link StandardErrorCode#CREDENTIALS_MALFORMED} naming {@code api_key}
     */
    public static StripeKey parse(String value) {
        Matcher matcher = SHAPE.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw new ConnectorException(StandardErrorCode.CREDENTIALS_MALFORMED,
                    "This is not a Stripe API key. " + HELP, StripeCredentials.API_KEY, null, null, null);
        }
        return new StripeKey(value, matcher.group(1).equals("rk"), matcher.group(2).equals("live"));
    }

    /**
     * The key with all but its kind and last four characters hidden, such as {@code rk_live_...a1b2}.
     *
     * @return the masked key
     */
    public String masked() {
        return value.substring(0, value.indexOf('_', 3) + 1) + "..." + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "StripeKey[" + masked() + "]";
    }
}
