package io.tributary.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.spi.SecretFormat;
import org.junit.jupiter.api.Test;

class WebhookCredentialsTest {

    @Test
    void theSecretIsOptionalGeneratedAsStandardWebhooksAndShowsOnlyItsPrefix() {
        var field = WebhookCredentials.SECRET_FIELD;
        assertThat(field.name()).isEqualTo("secret");
        assertThat(field.secret()).isTrue();
        assertThat(field.required()).isFalse();
        assertThat(field.generatedWhenEmpty()).contains(new SecretFormat("whsec_", 32));
        assertThat(field.publicPrefixes()).containsExactly("whsec_");
    }

    @Test
    void theSecretAcceptsStandardGithubAndStripeSecretsButNothingShortOrSpaced() {
        var field = WebhookCredentials.SECRET_FIELD;
        assertThat(field.accepts("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isTrue();
        assertThat(field.accepts("whsec_abcdefghijklmnop")).isTrue();
        assertThat(field.accepts("a-github-secret-0123")).isTrue();
        assertThat(field.accepts("fifteen-chars!!")).isFalse();
        assertThat(field.accepts("sixteen chars ok")).isFalse();
        assertThat(field.accepts("sixteen-chars-é!")).isFalse();
    }

    @Test
    void theSchemeIsOneOfThree() {
        var field = WebhookCredentials.SCHEME_FIELD;
        assertThat(field.secret()).isFalse();
        assertThat(field.required()).isFalse();
        assertThat(field.helpText()).isEqualTo("standard (default), stripe or github");
        assertThat(field.accepts("standard")).isTrue();
        assertThat(field.accepts("stripe")).isTrue();
        assertThat(field.accepts("github")).isTrue();
        assertThat(field.accepts("svix")).isFalse();
        assertThat(field.accepts("Stripe")).isFalse();
    }
}
