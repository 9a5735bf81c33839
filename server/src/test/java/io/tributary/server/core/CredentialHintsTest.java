package io.tributary.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.CredentialField;
import io.tributary.connector.host.ConnectorRegistry;
import io.tributary.connector.stripe.StripeConnectorFactory;
import io.tributary.server.api.DataSourceView.CredentialHint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialHintsTest {

    /** Stripe's fields as the server sees them: the descriptor's and the webhook signing secret's. */
    private static final List<CredentialField> STRIPE;

    static {
        try (ConnectorRegistry registry = ConnectorRegistry.create(new StripeConnectorFactory())) {
            STRIPE = registry.find("stripe").orElseThrow().credentialFields();
        }
    }

    @Test
    void aStripeKeyShowsItsKindAndLastFour() {
        String key = "rk_live_51AbCdEfGhIjKlMnOpQrStUvWx";

        Map<String, CredentialHint> hints = CredentialHints.of(STRIPE, Map.of("api_key", key));

        assertThat(hints).containsExactly(Map.entry("api_key", new CredentialHint("rk_live_", "UvWx")));
        assertThat(CredentialHints.of(STRIPE, Map.of("api_key", "sk_test_0123456789abcdefWXYZ")).get("api_key"))
                .isEqualTo(new CredentialHint("sk_test_", "WXYZ"));
    }

    @Test
    void aWebhookSecretShowsOnlyItsDeclaredPrefixAndAtMostItsLastFour() {
        String secret = "whsec_acme_demo_secret";

        CredentialHint hint = CredentialHints.of(STRIPE, Map.of("webhook_secret", secret)).get("webhook_secret");

        // The old rule showed "whsec_acme_" and "cret": 15 of 22 characters.
        assertThat(hint.kind()).isEqualTo("whsec_");
        assertThat(hint.last4()).hasSizeLessThanOrEqualTo(4);
        assertThat(secret).endsWith(hint.last4());
        assertThat(hint.kind().length() + hint.last4().length()).isLessThanOrEqualTo("whsec_".length() + 4);
    }

    @Test
    void aShortSecretShowsNothingButItsPublicPrefix() {
        CredentialField token = CredentialField.secret("api_token", "API token").publicPrefixes("hd_").build();

        assertThat(CredentialHints.hint(token, "hd_0123456789abcde")).as("15 characters after the prefix")
                .isEqualTo(new CredentialHint("hd_", ""));
        assertThat(CredentialHints.hint(token, "hd_0123456789abcdef")).as("16 characters after the prefix")
                .isEqualTo(new CredentialHint("hd_", "cdef"));
        assertThat(CredentialHints.hint(token, "hunter2")).isEqualTo(new CredentialHint("", ""));
        assertThat(CredentialHints.hint(token, "hd_")).as("a value that is only the prefix").isEqualTo(new CredentialHint("", ""));
    }

    @Test
    void aFieldWithoutDeclaredPrefixesShowsNoPrefixHoweverItsValueLooks() {
        CredentialField password = CredentialField.secret("password", "Password").build();

        assertThat(CredentialHints.hint(password, "rk_live_51AbCdEfGhIjKlMnOpQrSt")).isEqualTo(new CredentialHint("", "QrSt"));
        assertThat(CredentialHints.hint(password, "whsec_acme_demo_secret")).isEqualTo(new CredentialHint("", "cret"));
        assertThat(CredentialHints.hint(password, "my_pass_word_123")).as("16 characters").isEqualTo(new CredentialHint("", "_123"));
        assertThat(CredentialHints.hint(password, "my_pass_word_12")).as("15 characters").isEqualTo(new CredentialHint("", ""));
    }

    @Test
    void theLongestDeclaredPrefixWinsAndFieldsThatAreNotSecretOrNotGivenHaveNoHint() {
        CredentialField key = CredentialField.secret("key", "Key").publicPrefixes("k_", "k_live_").build();
        CredentialField region = CredentialField.plain("region", "Region").optional().build();

        assertThat(CredentialHints.hint(key, "k_live_0123456789abcdefgh").kind()).isEqualTo("k_live_");
        assertThat(CredentialHints.of(List.of(key, region), Map.of("region", "eu-west-1-long-enough-to-show"))).isEmpty();
    }
}
